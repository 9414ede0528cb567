package org.accord.notifications.events;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.accord.identity.InternalCaller;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The received events the fan-out set aside after their handling kept failing, as operators see them, and their
 * redrive: the event waits again and is handled in its case's turn. Also the gauge {@code accord_events_parked}.
 */
@Service
public class ParkedEvents implements MeterBinder {

    /** One parked event as an operator sees it; read field by field, since its stored event may not be readable. */
    public record View(String id, String status, String type, String caseId, String taskId, Long sequence,
            Instant occurredAt, Instant receivedAt, Integer failures, String failure, Instant failedAt,
            Instant parkedAt) {

        static View of(Document stored) {
            Document event = stored.get("event", Document.class);
            Document known = event == null ? new Document() : event;
            Object sequence = known.get("sequence");
            return new View(String.valueOf(stored.get("_id")), "PARKED", known.getString("type"),
                    known.getString("caseId"), known.getString("taskId"),
                    sequence instanceof Number number ? number.longValue() : null, instant(known.get("occurredAt")),
                    instant(stored.get("receivedAt")), stored.getInteger(ReceivedEvent.FAILURES),
                    stored.getString(ReceivedEvent.FAILURE), instant(stored.get(ReceivedEvent.FAILED_AT)),
                    instant(stored.get(ReceivedEvent.PARKED_AT)));
        }

        private static Instant instant(Object value) {
            return value instanceof Date date ? date.toInstant() : null;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;

    ParkedEvents(MongoOperations mongo, NotificationAccessPolicy policy) {
        this.mongo = mongo;
        this.policy = policy;
    }

    /** The parked events, longest parked first, at most {@code limit}, for the callers the policy lets list them. */
    public List<View> list(InternalCaller caller, int limit) {
        policy.checkMayCall(caller, NotificationAccessPolicy.InternalCall.LIST_PARKED_EVENTS);
        Query parked = new Query(Criteria.where(ReceivedEvent.PARKED_AT).ne(null))
                .with(Sort.by(ReceivedEvent.PARKED_AT, "_id")).limit(limit);
        return mongo.find(parked, Document.class, collection()).stream().map(View::of).toList();
    }

    public long count() {
        return mongo.count(new Query(Criteria.where(ReceivedEvent.PARKED_AT).ne(null)), collection());
    }

    /**
     * Puts a parked event back to be handled, its failures counted afresh, for the callers the policy lets redrive;
     * false if no such event is parked.
     */
    public boolean redrive(InternalCaller caller, String id) {
        policy.checkMayCall(caller, NotificationAccessPolicy.InternalCall.REDRIVE_PARKED_EVENT);
        boolean redriven = mongo.updateFirst(
                new Query(Criteria.where("_id").is(id).and(ReceivedEvent.PARKED_AT).ne(null)),
                new Update().unset(ReceivedEvent.PARKED_AT).set(ReceivedEvent.FAILURES, 0), collection())
                .getModifiedCount() > 0;
        if (redriven) {
            log.info("Parked event {} waits to be handled again", id);
        }
        return redriven;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("accord.events.parked", this, ParkedEvents::count)
                .description("Received events set aside after their handling kept failing, waiting for a redrive")
                .register(registry);
    }

    private String collection() {
        return mongo.getCollectionName(ReceivedEvent.class);
    }
}
