package org.accord.notifications.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.DeliveryQueue;
import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.delivery.NewDelivery;
import org.accord.notifications.events.IncomingEvent;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

/**
 * The mails of countries that want one mail per period instead of one per event. Each event is collected once into
 * the country's open digest; when the period has ended the digest goes to delivery as one message under its own key,
 * so closing it twice (two instances, or a crash between the hand-over and the mark) still sends one mail. The digest
 * holds its events, not their text: when it is sent, events the country may no longer receive are left out (and
 * listed as withdrawn in the delivery log) and the others are cut to the label their case has then.
 */
@Service
public class Digests implements InitializingBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final String ENTRIES = "entries";

    private final MongoOperations mongo;
    private final DeliveryQueue queue;
    private final Clock clock;
    private final Duration period;

    private final Duration poll;

    Digests(MongoOperations mongo, DeliveryQueue queue, Clock clock,
            @Value("${accord.notifications.digest.period:1h}") Duration period,
            @Value("${accord.notifications.digest.poll:30s}") Duration poll) {
        this.mongo = mongo;
        this.queue = queue;
        this.clock = clock;
        this.period = period;
        this.poll = poll;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::closeEnded, poll);
    }

    /** Where the digests of one period are, for the closing job and for the embedded server's scans alike. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(MailDigest.class).createIndex(new CompoundIndexDefinition(
                new Document("closedAt", 1).append("closesAt", 1)).named("digests_to_close"));
        mongo.indexOps(MailDigest.class).createIndex(new CompoundIndexDefinition(
                new Document("country", 1).append("entries.eventId", 1)).named("digests_by_event"));
    }

    /** Adds the event to the country's open digest, unless one of its digests already lists it. */
    public void collect(String country, DigestEntry entry) {
        if (mongo.exists(new Query(Criteria.where("country").is(country).and("entries.eventId").is(entry.eventId())),
                MailDigest.class)) {
            return;
        }
        long periodMillis = period.toMillis();
        Instant opensAt = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), periodMillis) * periodMillis);
        // A digest closed while this event was on its way: the event goes into the next one.
        for (int attempt = 0; attempt < 3; attempt++, opensAt = opensAt.plus(period)) {
            String id = country + ":" + opensAt;
            Query open = new Query(Criteria.where("_id").is(id).and("closedAt").is(null)
                    .and("entries.eventId").ne(entry.eventId()));
            Update add = new Update().push(ENTRIES, entry).setOnInsert("country", country)
                    .setOnInsert("opensAt", opensAt).setOnInsert("closesAt", opensAt.plus(period));
            try {
                mongo.upsert(open, add, MailDigest.class);
                return;
            } catch (DuplicateKeyException closedOrListed) {
                MailDigest existing = mongo.findById(id, MailDigest.class);
                if (existing != null && existing.entries().stream()
                        .anyMatch(listed -> listed.eventId().equals(entry.eventId()))) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no open digest of " + country + " took event " + entry.eventId());
    }

    /** Sends every digest whose period has ended. */
    public void closeEnded() {
        Query ended = new Query(Criteria.where("closedAt").is(null).and("closesAt").lte(clock.instant()));
        for (MailDigest digest : mongo.find(ended, MailDigest.class)) {
            try {
                queue.enqueue(mailOf(digest));
                mongo.updateFirst(new Query(Criteria.where("_id").is(digest.id())),
                        new Update().set("closedAt", clock.instant()), MailDigest.class);
            } catch (RuntimeException failed) {
                log.warn("Digest {} could not be handed to delivery; trying again later", digest.id(), failed);
            }
        }
    }

    private static NewDelivery mailOf(MailDigest digest) {
        List<IncomingEvent> events = digest.entries().stream()
                .sorted(Comparator.comparing(DigestEntry::occurredAt)).map(DigestEntry::event)
                .filter(Objects::nonNull).toList();
        return new NewDelivery(digest.country(), Channel.EMAIL, "digest:" + digest.id(), "Digest", null, null,
                MessageSource.digest(events, digest.opensAt(), digest.closesAt()));
    }
}
