package org.accord.notifications.fanout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.accord.notifications.events.EventReceived;
import org.accord.notifications.events.ReceivedEvent;
import org.accord.support.background.BackgroundLoop;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes received events to their audience, a case at a time: an instance first takes a lease on the case, so two
 * instances never work on the same case's events, then handles that case's waiting events in the order they
 * happened and marks each one done. An instance that dies mid-way leaves its lease to run out; whoever takes the case
 * next redoes the unmarked events, which delivers nothing twice. When cases or tasks cannot answer, the case's events
 * wait {@code retry-delay} and are tried again; nothing goes out unchecked, and nothing is parked for it. An event
 * that does not fit what cases and tasks keep is parked at once with the reason, and reaches nobody. An event whose
 * handling fails for a reason of its own {@code park-after} times in a row is parked, so the case's later events go
 * on; an operator redrives it once its cause is fixed.
 * <p>
 * A round runs every {@code poll}, and when this instance receives a new event at once (or 50 ms after the previous
 * round began, if that is later). A case waiting out its retry delay stays held by its lease, so a
 * wake-up does not cut the wait short.
 */
@Component
class EventWorker implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EventWorker.class);
    private static final String FANNED_OUT_AT = ReceivedEvent.FANNED_OUT_AT;
    private static final String CASE_ID = "event.caseId";
    private static final int LONGEST_FAILURE = 1_000;
    /** Events arriving closer together than this are taken by one round, so a burst does not make a round each. */
    private static final Duration WOKEN_ROUND_SPACING = Duration.ofMillis(50);

    private final MongoOperations mongo;
    private final FanOut fanOut;
    private final FanOutProperties.Worker settings;
    private final Clock clock;
    private final BackgroundLoop loop;
    private final String holder = UUID.randomUUID().toString();
    private Instant lastForgotten;

    EventWorker(MongoOperations mongo, FanOut fanOut, FanOutProperties properties, Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        this.mongo = mongo;
        this.fanOut = fanOut;
        this.settings = properties.fanout();
        this.clock = clock;
        this.loop = new BackgroundLoop("fan-out", new BackgroundLoop.Settings(settings.poll(), Duration.ZERO,
                WOKEN_ROUND_SPACING, null, 0, true), BackgroundLoop.Round.always(this::round), meters.getIfAvailable());
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ReceivedEvent.class).createIndex(new CompoundIndexDefinition(
                new Document(FANNED_OUT_AT, 1).append("receivedAt", 1)).named("events_waiting"));
        mongo.indexOps(ReceivedEvent.class).createIndex(new CompoundIndexDefinition(
                new Document(CASE_ID, 1).append(FANNED_OUT_AT, 1).append("event.occurredAt", 1))
                .named("events_of_case"));
    }

    /** The rounds: every {@code poll}, and at once when this instance receives a new event. */
    BackgroundLoop loop() {
        return loop;
    }

    @EventListener
    void received(EventReceived received) {
        loop.wake();
    }

    /** One look at the waiting events: every case with some, that nobody else holds, is handled. */
    private void round() {
        try {
            forgetOldHandledEvents();
            for (String caseId : casesWaiting()) {
                CaseLease lease = lease(caseId);
                if (lease != null) {
                    handle(caseId, lease.failuresInARow());
                }
            }
        } catch (RuntimeException failed) {
            log.warn("Received events could not be taken to their audience this round", failed);
        }
    }

    /**
     * Handled events are kept a while so a repeated hand-over is recognised, then removed, so the look for waiting
     * events stays small. A hand-over repeated even later still adds no second inbox item or delivery: those are kept
     * once per event on their own.
     */
    private void forgetOldHandledEvents() {
        Instant now = clock.instant();
        if (lastForgotten != null && lastForgotten.plus(settings.forgetEvery()).isAfter(now)) {
            return;
        }
        lastForgotten = now;
        mongo.remove(new Query(Criteria.where(FANNED_OUT_AT).lt(now.minus(settings.keepHandled()))),
                ReceivedEvent.class);
    }

    private Set<String> casesWaiting() {
        List<String> held = mongo.find(new Query(Criteria.where("until").gt(clock.instant())), CaseLease.class)
                .stream().map(CaseLease::caseId).toList();
        Query waiting = new Query(Criteria.where(FANNED_OUT_AT).is(null).and(ReceivedEvent.PARKED_AT).is(null)
                .and(CASE_ID).nin(held))
                .with(Sort.by("receivedAt")).limit(settings.batch());
        waiting.fields().include(CASE_ID);
        Set<String> cases = new LinkedHashSet<>();
        // Read as plain documents: only the case id is fetched, which no event record can be made of.
        mongo.find(waiting, Document.class, mongo.getCollectionName(ReceivedEvent.class))
                .forEach(received -> cases.add(received.get("event", Document.class).getString("caseId")));
        return cases;
    }

    /** The lease, if this instance now holds the case; {@code null} if another one does. */
    private CaseLease lease(String caseId) {
        Instant now = clock.instant();
        Query free = new Query(Criteria.where("_id").is(caseId).and("until").lte(now));
        try {
            mongo.upsert(free, new Update().set("holder", holder).set("until", now.plus(settings.lease())),
                    CaseLease.class);
        } catch (DuplicateKeyException heldByAnother) {
            return null;
        }
        CaseLease lease = mongo.findById(caseId, CaseLease.class);
        return lease != null && holder.equals(lease.holder()) ? lease : null;
    }

    private void handle(String caseId, int failuresBefore) {
        Query waiting = new Query(Criteria.where(CASE_ID).is(caseId).and(FANNED_OUT_AT).is(null)
                .and(ReceivedEvent.PARKED_AT).is(null))
                .with(Sort.by("event.occurredAt", "event.sequence", "receivedAt"));
        try {
            // Read one by one, so an event this version cannot even read fails (and is parked) on its own.
            for (Document stored : mongo.find(waiting, Document.class, mongo.getCollectionName(ReceivedEvent.class))) {
                if (!stillHeld(caseId)) {
                    return;
                }
                String id = String.valueOf(stored.get("_id"));
                try {
                    fanOut.fanOut(mongo.getConverter().read(ReceivedEvent.class, stored).event());
                } catch (SourceUnavailableException | DataAccessResourceFailureException
                        | TransientDataAccessException passing) {
                    // Cases, tasks or the database being away says nothing about the event: the case waits, whole.
                    throw passing;
                } catch (EventRefusedException misfit) {
                    parkNow(id, caseId, misfit);
                    continue;
                } catch (RuntimeException failed) {
                    if (!parkedAfter(id, caseId, stored.getInteger(ReceivedEvent.FAILURES, 0) + 1, failed)) {
                        throw failed;
                    }
                    continue;
                }
                mongo.updateFirst(new Query(Criteria.where("_id").is(id).and(FANNED_OUT_AT).is(null)),
                        new Update().set(FANNED_OUT_AT, clock.instant()), ReceivedEvent.class);
            }
            mongo.remove(new Query(Criteria.where("_id").is(caseId).and("holder").is(holder)), CaseLease.class);
        } catch (SourceUnavailableException unanswered) {
            Duration wait = waitAfter(failuresBefore + 1);
            log.info("Events of case {} wait {}: {}", caseId, wait, unanswered.getMessage());
            release(caseId, failuresBefore + 1, clock.instant().plus(wait));
        } catch (RuntimeException failed) {
            Duration wait = waitAfter(failuresBefore + 1);
            log.warn("Events of case {} wait {} after a failure", caseId, wait, failed);
            release(caseId, failuresBefore + 1, clock.instant().plus(wait));
        }
    }

    /**
     * Counts one more failure of the event itself and parks it when they reach {@code park-after}; true if it is
     * parked now, so the case's later events go on.
     */
    private boolean parkedAfter(String id, String caseId, int failures, RuntimeException failed) {
        String message = failed.getClass().getSimpleName() + ": " + failed.getMessage();
        Instant now = clock.instant();
        Update failure = new Update().set(ReceivedEvent.FAILURES, failures)
                .set(ReceivedEvent.FAILURE, message.length() > LONGEST_FAILURE
                        ? message.substring(0, LONGEST_FAILURE) : message)
                .set(ReceivedEvent.FAILED_AT, now);
        boolean park = failures >= settings.parkAfter();
        if (park) {
            failure.set(ReceivedEvent.PARKED_AT, now);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), failure, ReceivedEvent.class);
        if (park) {
            log.warn("Event {} of case {} is parked after {} failures in a row, the case's later events go on; "
                    + "the last failure: {}", id, caseId, failures, message);
        }
        return park;
    }

    /** Parks an event that does not fit what its sources keep, at once and with the reason: it reaches nobody. */
    private void parkNow(String id, String caseId, EventRefusedException misfit) {
        Instant now = clock.instant();
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update()
                .set(ReceivedEvent.FAILURE, "refused: " + misfit.getMessage())
                .set(ReceivedEvent.FAILED_AT, now)
                .set(ReceivedEvent.PARKED_AT, now), ReceivedEvent.class);
        log.warn("Event {} of case {} is parked and reaches nobody: {}", id, caseId, misfit.getMessage());
    }

    /**
     * Doubles with each failure in a row, up to 32 times {@code retry-delay}: a case that cases keeps failing on is
     * asked ever less often, so it does not keep the circuit breaker open for every other case.
     */
    private Duration waitAfter(int failures) {
        return settings.retryDelay().multipliedBy(1L << Math.min(failures - 1, 5));
    }

    /** Renews the lease for the next event; false when it ran out and another instance may have taken the case. */
    private boolean stillHeld(String caseId) {
        Query mine = new Query(Criteria.where("_id").is(caseId).and("holder").is(holder));
        return mongo.updateFirst(mine, new Update().set("until", clock.instant().plus(settings.lease())),
                CaseLease.class).getMatchedCount() == 1;
    }

    private void release(String caseId, int failures, Instant until) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(caseId).and("holder").is(holder)),
                new Update().set("until", until).set("failures", failures), CaseLease.class);
    }
}
