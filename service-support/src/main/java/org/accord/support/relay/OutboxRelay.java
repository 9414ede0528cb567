package org.accord.support.relay;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.accord.support.background.BackgroundLoop;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands the events in the outboxes of the service's documents to notifications: at least once, in order per
 * document, the event id as notifications' idempotency key.
 * <p>
 * A pass finds documents with pending events by an indexed query, claims each with a lease in
 * {@value #LEASES} (a conditional upsert that fails while another instance holds an unexpired lease), reads it
 * again, posts its events above {@code relayedSequence} in order and raises {@code relayedSequence} with {@code $max}
 * after each, never touching the document's version. It stops at a document's first failure that may pass (an outage,
 * a {@code 5xx}, a refused token, {@code 408}, {@code 429}): while notifications cannot take events the relay waits with
 * exponential backoff and jitter, and says so once per outage. An event notifications refuses for good (any other
 * {@code 4xx}) is parked in {@value #PARKED} with its body and notifications' answer, and the document's later events
 * go on; an operator lists parked events and hands one over again with {@link #redrive(String)}.
 * <p>
 * When a pass found little to do the relay waits for the poll interval, unless a save of this instance wakes it
 * through {@link RelayWakeUp}: then it looks at once, or 50 ms after the previous pass began if that is later, so a
 * burst of saves makes few passes, each taking many documents. No wake-up shortens the backoff while notifications
 * is unavailable.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String LEASES = "relayLeases";
    static final String PARKED = "relayParked";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int DOCUMENTS_REMEMBERED = 10_000;
    /** Saves closer together than this are taken by one pass, so a burst of saves does not make a pass each. */
    private static final Duration WOKEN_PASS_SPACING = Duration.ofMillis(50);

    /** The outcome of one pass: how many events went over, and whether notifications was unavailable. */
    public record Pass(int handedOver, int documents, boolean unavailable) {
    }

    private final MongoOperations mongo;
    private final List<OutboxSource<?>> sources;
    private final RelayProperties properties;
    private final EventIntakeClient intake;
    private final Clock clock;
    private final RelayWakeUp wakeUp;
    /** Runs the passes: every poll interval, at once when woken, with backoff while notifications is unavailable. */
    private final BackgroundLoop loop;
    private final String holder = UUID.randomUUID().toString();
    /**
     * The last event of each recently relayed document that this relay saw through. A service's save made from an
     * earlier read writes back the {@code relayedSequence} it read; without this, a change saved while its
     * document's events went over would have them posted again.
     */
    private final Map<String, Long> seenThrough = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > DOCUMENTS_REMEMBERED;
                }
            });
    private volatile int failuresInARow;

    public OutboxRelay(MongoOperations mongo, List<OutboxSource<?>> sources, RelayProperties properties,
            Clock clock, RelayWakeUp wakeUp, ClientHttpRequestInterceptor serviceToken) {
        this(mongo, sources, properties, clock, wakeUp, serviceToken, null);
    }

    public OutboxRelay(MongoOperations mongo, List<OutboxSource<?>> sources, RelayProperties properties,
            Clock clock, RelayWakeUp wakeUp, ClientHttpRequestInterceptor serviceToken, MeterRegistry meters) {
        this.mongo = mongo;
        this.sources = List.copyOf(sources);
        this.properties = properties;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.intake = new EventIntakeClient(properties, serviceToken);
        this.loop = new BackgroundLoop("outbox-relay", new BackgroundLoop.Settings(properties.pollInterval(),
                Duration.ZERO, WOKEN_PASS_SPACING, this::backoff, Math.max(1, properties.concurrency()),
                properties.enabled()), this::pass, meters);
    }

    /** Declares the index of the pending query, and marks documents stored before the relay existed as pending. */
    public void prepare() {
        for (OutboxSource<?> source : sources) {
            mongo.indexOps(source.collection()).createIndex(new Index().named("relay_pending")
                    .on(Outbox.PENDING, Sort.Direction.ASC).on(Outbox.ATTEMPTED_AT, Sort.Direction.ASC));
            mongo.updateMulti(query(where(Outbox.PENDING).exists(false)), new Update().set(Outbox.PENDING, true),
                    source.collection());
        }
        mongo.indexOps(PARKED).createIndex(new Index().named("relay_parked_at").on("parkedAt", Sort.Direction.ASC));
    }

    /**
     * One pass over every source: up to a batch of documents each, as long as notifications takes events. Documents
     * go over side by side on the relay's workers (each document's events in order, on one worker); without started
     * workers, one after the other on the calling thread.
     */
    public Pass relayOnce() throws InterruptedException {
        ExecutorService pool = loop.workers();
        AtomicBoolean unavailable = new AtomicBoolean();
        List<CompletableFuture<DocumentRelay>> relayed = new ArrayList<>();
        String unavailableDetail = null;
        for (OutboxSource<?> source : sources) {
            Query pending = query(where(Outbox.PENDING).is(true))
                    .with(Sort.by(Outbox.ATTEMPTED_AT).ascending()).limit(properties.batchSize());
            pending.fields().include("_id");
            for (Document found : mongo.find(pending, Document.class, source.collection())) {
                Object id = found.get("_id");
                if (unavailable.get() || !claim(source, id)) {
                    continue;
                }
                Supplier<DocumentRelay> task = () -> relayClaimed(source, id, unavailable);
                relayed.add(pool == null ? CompletableFuture.completedFuture(task.get())
                        : CompletableFuture.supplyAsync(task, pool));
            }
        }
        int handedOver = 0;
        for (CompletableFuture<DocumentRelay> document : relayed) {
            DocumentRelay outcome;
            try {
                outcome = document.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
            }
            handedOver += outcome.handedOver();
            if (outcome.unavailable() != null) {
                unavailableDetail = outcome.unavailable();
            }
        }
        if (unavailableDetail != null) {
            noteUnavailable(unavailableDetail);
        } else if (!relayed.isEmpty()) {
            noteAvailable();
        }
        return new Pass(handedOver, relayed.size(), unavailableDetail != null);
    }

    /** What became of one claimed document; {@code unavailable} says why notifications could not take its events. */
    private record DocumentRelay(int handedOver, String unavailable) {
    }

    private <E> DocumentRelay relayClaimed(OutboxSource<E> source, Object id, AtomicBoolean unavailable) {
        DocumentRelay outcome = new DocumentRelay(0, null);
        try {
            // Once one document found notifications unavailable, the others of the pass wait for the next one.
            if (!unavailable.get()) {
                outcome = relayDocument(source, id);
            }
            if (outcome.unavailable() != null) {
                unavailable.set(true);
            }
            return outcome;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return outcome;
        } finally {
            release(source, id);
        }
    }

    private <E> DocumentRelay relayDocument(OutboxSource<E> source, Object id) throws InterruptedException {
        Query byId = query(where("_id").is(id));
        byId.fields().include(Outbox.EVENTS).include(Outbox.EVENT_SEQUENCE).include(Outbox.RELAYED_SEQUENCE);
        // Read after the claim: what another instance handed over before releasing its lease is not sent again.
        Document current = mongo.findOne(byId, Document.class, source.collection());
        if (current == null) {
            return new DocumentRelay(0, null);
        }
        String key = leaseKey(source, id);
        long relayed = Math.max(number(current.get(Outbox.RELAYED_SEQUENCE)), seenThrough.getOrDefault(key, 0L));
        long last = number(current.get(Outbox.EVENT_SEQUENCE));
        List<E> events = current.getList(Outbox.EVENTS, Document.class, List.of()).stream()
                .map(stored -> mongo.getConverter().read(source.eventType(), stored))
                .filter(event -> source.sequenceOf(event) > relayed)
                .sorted(Comparator.comparingLong(source::sequenceOf))
                .toList();
        int handedOver = 0;
        Instant renewAt = clock.instant().plus(properties.leaseLength().dividedBy(2));
        for (E event : events) {
            if (clock.instant().isAfter(renewAt)) {
                if (!extendLease(source, id, properties.leaseLength())) {
                    // Another instance took the document over after this one was too slow: it goes on from here.
                    return new DocumentRelay(handedOver, null);
                }
                renewAt = clock.instant().plus(properties.leaseLength().dividedBy(2));
            }
            String eventId = source.idOf(event);
            String json = null;
            try {
                json = EventIntakeClient.json(source.handedOver(event));
            } catch (IllegalArgumentException unwritable) {
                // Nothing notifications could ever take: parked without a body, as a refusal would be.
            }
            EventIntakeClient.Answer answer = json != null ? intake.post(eventId, json)
                    : new EventIntakeClient.Answer(HandOver.REJECTED, "event " + eventId + " cannot be written as "
                            + "JSON", null, null, "the event cannot be written as JSON");
            if (answer.outcome() == HandOver.REJECTED) {
                park(source, id, event, json, answer);
            } else if (answer.outcome().done()) {
                handedOver++;
            } else {
                mongo.updateFirst(query(where("_id").is(id)), new Update().set(Outbox.ATTEMPTED_AT, clock.instant()),
                        source.collection());
                return new DocumentRelay(handedOver, answer.detail());
            }
            mongo.updateFirst(query(where("_id").is(id)),
                    new Update().max(Outbox.RELAYED_SEQUENCE, source.sequenceOf(event)), source.collection());
            seenThrough.merge(key, source.sequenceOf(event), Math::max);
        }
        // Nothing left unless a change recorded more events meanwhile: then the sequence moved and this misses. A
        // document stored before it had events has no sequence at all, and is done as soon as it is looked at.
        Criteria unchanged = current.get(Outbox.EVENT_SEQUENCE) == null ? where(Outbox.EVENT_SEQUENCE).exists(false)
                : where(Outbox.EVENT_SEQUENCE).is(last);
        mongo.updateFirst(query(where("_id").is(id)).addCriteria(unchanged),
                new Update().set(Outbox.PENDING, false).max(Outbox.RELAYED_SEQUENCE, last), source.collection());
        return new DocumentRelay(handedOver, null);
    }

    /**
     * Sets a refused event aside before the document's relayed sequence moves past it. Handing it over again after a
     * crash between the two finds the same record, so it is parked once and counted as a second attempt.
     */
    private <E> void park(OutboxSource<E> source, Object id, E event, String json, EventIntakeClient.Answer answer) {
        String eventId = source.idOf(event);
        Instant now = clock.instant();
        mongo.upsert(query(where("_id").is(eventId)), new Update()
                .setOnInsert("parkedAt", now)
                .set("collection", source.collection())
                .set("documentId", String.valueOf(id))
                .set("sequence", source.sequenceOf(event))
                .set("eventType", json == null ? null : EventIntakeClient.typeIn(json))
                .set("status", answer.status())
                .set("problemType", answer.problemType())
                .set("problemDetail", answer.problemDetail())
                .set("lastAttemptAt", now)
                .set("body", json)
                .inc("attempts", 1), PARKED);
        log.warn("Notifications refused event {} (number {} of {} {}) for good: {}; it is parked for an operator to "
                + "redrive, and the document's later events go on", eventId, source.sequenceOf(event),
                source.collection(), id, answer.detail());
    }

    /** The parked events, oldest first, at most {@code limit}. */
    public List<ParkedEvent> parked(int limit) {
        return mongo.find(new Query().with(Sort.by("parkedAt", "_id")).limit(limit), ParkedEvent.class, PARKED);
    }

    /** How many events are parked now. */
    public long parkedCount() {
        return mongo.count(new Query(), PARKED);
    }

    /** What became of handing a parked event over again. */
    public enum Redrive {
        /** Notifications took it (or had it already): it is no longer parked. */
        HANDED_OVER,
        /** Refused for good again: it stays parked, with the new answer. */
        REFUSED,
        /** Notifications cannot take events now: it stays parked. */
        UNAVAILABLE
    }

    /** The outcome of a redrive, with the event as it is parked now when it still is. */
    public record Redriven(Redrive outcome, String detail, ParkedEvent parked) {
    }

    /**
     * Hands a parked event over again, as it was handed over before; on success it leaves the parked list. Empty if
     * no event of that id is parked.
     */
    public Optional<Redriven> redrive(String eventId) throws InterruptedException {
        ParkedEvent parked = mongo.findById(eventId, ParkedEvent.class, PARKED);
        if (parked == null) {
            return Optional.empty();
        }
        EventIntakeClient.Answer answer = parked.body() == null
                ? new EventIntakeClient.Answer(HandOver.REJECTED, "event " + eventId + " has no body to send",
                        parked.status(), parked.problemType(), parked.problemDetail())
                : intake.post(eventId, parked.body());
        if (answer.outcome().done()) {
            mongo.remove(query(where("_id").is(eventId)), PARKED);
            log.info("Parked event {} (number {} of {} {}) was handed over again", eventId, parked.sequence(),
                    parked.collection(), parked.documentId());
            return Optional.of(new Redriven(Redrive.HANDED_OVER, null, null));
        }
        Update attempt = new Update().set("lastAttemptAt", clock.instant()).inc("attempts", 1);
        if (answer.outcome() == HandOver.REJECTED) {
            attempt.set("status", answer.status()).set("problemType", answer.problemType())
                    .set("problemDetail", answer.problemDetail());
        }
        mongo.updateFirst(query(where("_id").is(eventId)), attempt, PARKED);
        return Optional.of(new Redriven(answer.outcome() == HandOver.REJECTED ? Redrive.REFUSED
                : Redrive.UNAVAILABLE, answer.detail(), mongo.findById(eventId, ParkedEvent.class, PARKED)));
    }

    private boolean claim(OutboxSource<?> source, Object id) {
        Instant now = clock.instant();
        try {
            mongo.findAndModify(query(where("_id").is(leaseKey(source, id))).addCriteria(where("until").lte(now)),
                    new Update().set("holder", holder).set("until", now.plus(properties.leaseLength())),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, LEASES);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    private boolean extendLease(OutboxSource<?> source, Object id, Duration length) {
        return mongo.updateFirst(query(where("_id").is(leaseKey(source, id))).addCriteria(where("holder").is(holder)),
                new Update().set("until", clock.instant().plus(length)), LEASES).getMatchedCount() > 0;
    }

    private void release(OutboxSource<?> source, Object id) {
        mongo.remove(query(where("_id").is(leaseKey(source, id))).addCriteria(where("holder").is(holder)), LEASES);
    }

    private static String leaseKey(OutboxSource<?> source, Object id) {
        return source.collection() + ":" + id;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private void noteUnavailable(String detail) {
        noteFailure("Notifications cannot take events now (" + detail
                + "); the relay keeps them and retries with backoff");
    }

    /** Counts a failed pass; only the first of an outage is logged, so a long one does not flood the log. */
    private void noteFailure(String warning) {
        failuresInARow++;
        if (failuresInARow == 1) {
            log.warn(warning);
        }
    }

    private void noteAvailable() {
        if (failuresInARow > 0) {
            log.info("The relay hands events over again, after {} failed attempts", failuresInARow);
            failuresInARow = 0;
        }
    }

    /** The wait after the given number of failures in a row: doubling from the initial backoff, with jitter. */
    Duration backoff(int failures) {
        long initial = properties.initialBackoff().toMillis();
        long max = properties.maxBackoff().toMillis();
        long doubled = failures >= 30 ? max : Math.min(max, initial << Math.max(0, failures - 1));
        return Duration.ofMillis(doubled / 2 + ThreadLocalRandom.current().nextLong(doubled / 2 + 1));
    }

    /** Looks for pending events now rather than after the poll interval; it never cuts a backoff short. */
    void wake() {
        loop.wake();
    }

    /** One pass of the loop: a full batch is followed by the next at once, notifications unavailable by backoff. */
    private BackgroundLoop.Outcome pass() throws InterruptedException {
        try {
            Pass pass = relayOnce();
            return pass.unavailable() ? BackgroundLoop.Outcome.FAILED
                    : pass.documents() < properties.batchSize() ? BackgroundLoop.Outcome.IDLE
                    : BackgroundLoop.Outcome.MORE;
        } catch (RuntimeException e) {
            // The database itself failing: the same backoff, and one warning per outage.
            noteFailure("The relay cannot read or mark the outboxes now (" + e.getMessage()
                    + "); it retries with backoff");
            return BackgroundLoop.Outcome.FAILED;
        }
    }

    @Override
    public synchronized void start() {
        if (loop.isRunning()) {
            return;
        }
        prepare();
        loop.start();
        wakeUp.attach(this);
    }

    @Override
    public synchronized void stop() {
        wakeUp.detach(this);
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }
}
