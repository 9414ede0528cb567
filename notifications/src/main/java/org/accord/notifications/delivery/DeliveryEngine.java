package org.accord.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.accord.notifications.partners.PartnerInbox;
import org.accord.support.web.RequestIds;
import org.accord.notifications.partners.Partners;
import org.accord.support.background.BackgroundLoop;
import org.bson.Document;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The delivery queue and its worker. Deliveries live in MongoDB from the moment they are queued, so a restart loses
 * nothing; an instance claims a due delivery with a lease before sending it, so several instances never send the same
 * delivery at once, and a dead instance's lease lapses. Sends run on a bounded pool, each partner endpoint with its own
 * share of it and its own circuit breaker.
 */
@Service
class DeliveryEngine implements DeliveryQueue, InitializingBean {

    static final String STATUS = "status";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LEASE_TOKEN = "leaseToken";
    private static final List<DeliveryStatus> DUE = List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
    private static final int MAX_ROUNDS = 4;

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final MongoOperations mongo;
    private final Partners partners;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Disclosure disclosure;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final RetrySchedule retries;
    private final PartnerEndpoints endpoints;
    private final MeterRegistry meters;
    private final DeliveryLogRetention retention;
    private final AtomicInteger sending = new AtomicInteger();
    private final BackgroundLoop loop;

    DeliveryEngine(MongoOperations mongo, Partners partners, List<ChannelSender> senders, Disclosure disclosure,
            DeliveryProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters,
            DeliveryLogRetention retention, CircuitBreakerRegistry breakers) {
        this.mongo = mongo;
        this.disclosure = disclosure;
        this.retention = retention;
        this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
        Gauge.builder("accord.deliveries.sending", sending, AtomicInteger::get)
                .description("Attempts to deliver to partner systems under way on this instance")
                .register(this.meters);
        this.partners = partners;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.properties = properties;
        this.clock = clock;
        this.retries = new RetrySchedule(properties.initialBackoff(), properties.maxBackoff(),
                properties.maxRetryAfter(), RandomGenerator.getDefault());
        this.endpoints = new PartnerEndpoints(properties, breakers.getConfiguration("partner-endpoint")
                .orElseThrow(() -> new IllegalStateException("resilience4j.circuitbreaker.configs.partner-endpoint"
                        + " is not configured")));
        this.loop = new BackgroundLoop("deliveries", new BackgroundLoop.Settings(properties.pollInterval(),
                properties.pollInterval(), Duration.ZERO, null, properties.threads(), true),
                BackgroundLoop.Round.always(this::look), this.meters);
        senders.forEach(sender -> log.info("Delivering {} messages", sender.channel()));
    }

    /** The worker: a look every {@code poll-interval}, and at once whenever a delivery is queued or a send ends. */
    BackgroundLoop loop() {
        return loop;
    }

    @Override
    public void afterPropertiesSet() {
        // Queuing the same message twice queues it once.
        mongo.indexOps(Delivery.class).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("channel", Sort.Direction.ASC).on("key", Sort.Direction.ASC).unique().named("delivery_once"));
        mongo.indexOps(Delivery.class).createIndex(new CompoundIndexDefinition(
                new Document(STATUS, 1).append(NEXT_ATTEMPT_AT, 1)).named("deliveries_due"));
        mongo.indexOps(Delivery.class).createIndex(new CompoundIndexDefinition(
                new Document("country", 1).append(STATUS, 1).append("createdAt", -1)).named("deliveries_by_country"));
    }

    @Override
    public void enqueue(NewDelivery message) {
        Objects.requireNonNull(message.country(), "country");
        Objects.requireNonNull(message.channel(), "channel");
        Objects.requireNonNull(message.key(), "key");
        Objects.requireNonNull(message.source(), "source");
        try {
            mongo.insert(Delivery.of(message, clock.instant()));
        } catch (DuplicateKeyException alreadyQueued) {
            return;
        }
        wake();
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wake() {
        loop.wake();
    }

    private void look() {
        try {
            claimDue();
        } catch (RuntimeException e) {
            log.warn("Looking for due deliveries failed; trying again at the next poll", e);
        }
    }

    /** Removes aged entries from the delivery log when they are due; on its own loop, beside the worker. */
    void forgetAged() {
        try {
            long forgotten = retention.forgetWhenDue();
            if (forgotten > 0) {
                log.info("Removed {} delivered messages older than {} from the delivery log", forgotten,
                        properties.logRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Removing aged delivery log entries failed; trying again later", e);
        }
    }

    /**
     * Claims as many due deliveries as there are free send threads. Deliveries of a partner that is busy or whose
     * breaker is open are passed over, and the next look leaves that country's channel out, so a partner with a long
     * queue never keeps the others' deliveries out of the batch.
     */
    private void claimDue() {
        Set<String> passedOver = new HashSet<>();
        Map<String, PartnerInbox> inboxes = new HashMap<>();
        for (int round = 0; round < MAX_ROUNDS && loop.isRunning() && sending.get() < properties.threads(); round++) {
            Instant now = clock.instant();
            List<Delivery> due = mongo.find(dueQuery(now, passedOver), Delivery.class);
            boolean passedAny = false;
            for (Delivery delivery : due) {
                if (sending.get() >= properties.threads()) {
                    return;
                }
                String pair = delivery.channel() + " " + delivery.country();
                if (passedOver.contains(pair)) {
                    continue;
                }
                ChannelSender sender = senders.get(delivery.channel());
                PartnerInbox inbox = inboxes.computeIfAbsent(delivery.country(), partners::inboxOf);
                Optional<PartnerEndpoints.Permit> permit = endpoints.tryStart(sender.endpoint(inbox));
                if (permit.isEmpty()) {
                    passedOver.add(pair);
                    passedAny = true;
                    continue;
                }
                Delivery claimed = claim(delivery.id(), now);
                if (claimed == null) {
                    permit.get().notSent();
                    continue;
                }
                start(claimed, sender, permit.get());
            }
            if (!passedAny || due.size() < properties.batchSize()) {
                return;
            }
        }
    }

    private Query dueQuery(Instant now, Set<String> passedOver) {
        List<Criteria> criteria = new ArrayList<>(List.of(
                Criteria.where(STATUS).in(DUE),
                Criteria.where(NEXT_ATTEMPT_AT).lte(now),
                Criteria.where("channel").in(senders.keySet()),
                leaseFree(now)));
        for (String pair : passedOver) {
            String[] channelAndCountry = pair.split(" ", 2);
            criteria.add(new Criteria().norOperator(Criteria.where("channel").is(channelAndCountry[0])
                    .and("country").is(channelAndCountry[1])));
        }
        return new Query(new Criteria().andOperator(criteria)).with(Sort.by(NEXT_ATTEMPT_AT, "_id"))
                .limit(properties.batchSize());
    }

    static Criteria leaseFree(Instant now) {
        return new Criteria().orOperator(Criteria.where(LEASE_UNTIL).is(null), Criteria.where(LEASE_UNTIL).lt(now));
    }

    private Delivery claim(String id, Instant now) {
        Query stillDue = new Query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Criteria.where(STATUS).in(DUE), Criteria.where(NEXT_ATTEMPT_AT).lte(now), leaseFree(now)));
        Update lease = new Update().set(LEASE_TOKEN, UUID.randomUUID().toString())
                .set(LEASE_UNTIL, now.plus(properties.lease()));
        return mongo.findAndModify(stillDue, lease, FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    private void start(Delivery delivery, ChannelSender sender, PartnerEndpoints.Permit permit) {
        sending.incrementAndGet();
        try {
            ExecutorService sends = loop.workers();
            if (sends == null) {
                throw new IllegalStateException("the worker is stopping");
            }
            sends.execute(() -> {
                try {
                    attemptUnderItsOwnRequestId(delivery, sender, permit);
                } finally {
                    sending.decrementAndGet();
                    wake();
                }
            });
        } catch (RuntimeException stopping) {
            // The lease lapses and another instance, or this one after a restart, sends it.
            sending.decrementAndGet();
            permit.notSent();
        }
    }

    /**
     * Every attempt has a request id of its own: the log lines about it carry it, and the delivery log shows it, so
     * operators find the particulars a liaison's delivery log leaves out.
     */
    private void attemptUnderItsOwnRequestId(Delivery delivery, ChannelSender sender,
            PartnerEndpoints.Permit permit) {
        MDC.put(RequestIds.LOG_KEY, UUID.randomUUID().toString());
        try {
            attempt(delivery, sender, permit);
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
        }
    }

    private void attempt(Delivery delivery, ChannelSender sender, PartnerEndpoints.Permit permit) {
        PartnerInbox inbox;
        SendResult result;
        try {
            inbox = partners.inboxOf(delivery.country());
        } catch (RuntimeException e) {
            permit.notSent();
            log.warn("Could not read the partner inbox of {}; delivery {} is tried again when its lease lapses",
                    delivery.country(), delivery.id(), e);
            return;
        }
        Disclosure.Decision decision = decide(delivery);
        if (!(decision instanceof Disclosure.Send send)) {
            permit.notSent();
            try {
                if (decision instanceof Disclosure.Withdrawn withdrawn) {
                    withdraw(delivery, withdrawn);
                } else {
                    waitForAnswer(delivery, ((Disclosure.Unanswered) decision).because());
                }
            } catch (RuntimeException e) {
                log.warn("Could not record the decision on delivery {}; it is decided again when its lease lapses",
                        delivery.id(), e);
            }
            return;
        }
        try {
            result = sender.send(delivery.queued(send.subject(), send.body()), inbox);
        } catch (RuntimeException e) {
            log.warn("The {} sender failed on delivery {}", delivery.channel(), delivery.id(), e);
            result = new SendResult.Retry(AttemptResult.SEND_FAILED, "could not be sent: " + e.getClass().getSimpleName(),
                    null);
        }
        if (result instanceof SendResult.Retry retry) {
            permit.failed(retry.detail());
        } else {
            permit.answered();
        }
        try {
            record(delivery, result, send.withdrawn());
            if (result instanceof SendResult.Gone gone && delivery.channel() == Channel.WEBHOOK
                    && inbox.webhookUrl() != null) {
                partners.disableWebhook(delivery.country(), inbox.webhookUrl(), gone.result().sentence());
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the outcome of delivery {}; it is tried again when its lease lapses",
                    delivery.id(), e);
        }
    }

    /** What may leave now: asked at every attempt, so a country dropped from a case since is sent nothing of it. */
    private Disclosure.Decision decide(Delivery delivery) {
        try {
            return disclosure.decide(delivery.country(), delivery.channel(), delivery.source(), delivery.leftOut());
        } catch (RuntimeException e) {
            log.warn("Could not decide what delivery {} may send; it waits", delivery.id(), e);
            return new Disclosure.Unanswered("could not be decided: " + e.getClass().getSimpleName());
        }
    }

    /** A delivery its country may no longer receive ends here: never attempted again, nor redriven. */
    private void withdraw(Delivery delivery, Disclosure.Withdrawn withdrawn) {
        Instant now = clock.instant();
        Update update = new Update().set(STATUS, DeliveryStatus.WITHDRAWN).set("withdrawnAt", now)
                .set("withdrawnBecause", withdrawn.because()).unset(NEXT_ATTEMPT_AT).unset(LEASE_TOKEN)
                .unset(LEASE_UNTIL);
        if (!withdrawn.withdrawn().isEmpty()) {
            update.push("withdrawnLines").each(withdrawn.withdrawn().toArray());
        }
        meters.counter("accord.deliveries.attempts", "channel", delivery.channel().name(), "outcome",
                "WITHDRAWN").increment();
        log.info("Delivery {} ({} to {}) withdrawn: {}", delivery.id(), delivery.channel(), delivery.country(),
                withdrawn.because());
        updateLeased(delivery, update, withdrawn.because());
    }

    /**
     * Whoever decides what may leave could not answer: the delivery is sent nothing, keeps its status and its count
     * of attempts, and is decided again after {@code initial-backoff}.
     */
    private void waitForAnswer(Delivery delivery, String because) {
        log.info("Delivery {} waits: {}", delivery.id(), because);
        updateLeased(delivery, new Update().set(NEXT_ATTEMPT_AT, clock.instant().plus(properties.initialBackoff()))
                .unset(LEASE_TOKEN).unset(LEASE_UNTIL), because);
    }

    private void updateLeased(Delivery delivery, Update update, String what) {
        Query leaseHeld = new Query(Criteria.where("_id").is(delivery.id()).and(LEASE_TOKEN).is(delivery.leaseToken()));
        if (mongo.updateFirst(leaseHeld, update, Delivery.class).getModifiedCount() == 0) {
            log.warn("Delivery {} was no longer leased to this instance when its attempt ended ({})", delivery.id(),
                    what);
        }
    }

    private void record(Delivery delivery, SendResult result, List<WithdrawnLine> withdrawn) {
        Instant now = clock.instant();
        int count = delivery.attemptCount() + 1;
        Update update = new Update().set("attemptCount", count).unset(LEASE_TOKEN).unset(LEASE_UNTIL);
        Attempt.Outcome outcome;
        if (result instanceof SendResult.Delivered) {
            outcome = Attempt.Outcome.DELIVERED;
            update.set(STATUS, DeliveryStatus.DELIVERED).set("deliveredAt", now).unset(NEXT_ATTEMPT_AT);
        } else if (result instanceof SendResult.Retry retry && count < properties.maxAttempts()) {
            outcome = Attempt.Outcome.FAILED;
            update.set(STATUS, DeliveryStatus.FAILED)
                    .set(NEXT_ATTEMPT_AT, now.plus(retries.waitAfter(count, retry.retryAfter())));
            log.info("Delivery {} ({} to {}) attempt {} failed: {}: {}", delivery.id(), delivery.channel(),
                    delivery.country(), count, result.result().code(), result.detail());
        } else {
            // A retry past the limit, a permanent refusal, or an endpoint that is gone: a dead letter.
            outcome = result instanceof SendResult.Retry ? Attempt.Outcome.FAILED
                    : result instanceof SendResult.Gone ? Attempt.Outcome.GONE : Attempt.Outcome.PARKED;
            update.set(STATUS, DeliveryStatus.PARKED).unset(NEXT_ATTEMPT_AT);
            log.warn("Delivery {} ({} to {}) parked after {} attempts: {}: {}", delivery.id(), delivery.channel(),
                    delivery.country(), count, result.result().code(), result.detail());
        }
        meters.counter("accord.deliveries.attempts", "channel", delivery.channel().name(), "outcome",
                outcome.name()).increment();
        List<Attempt> attempts = new ArrayList<>(delivery.attempts());
        attempts.add(new Attempt(now, outcome, result.result().code(), MDC.get(RequestIds.LOG_KEY)));
        update.set("attempts", attempts.subList(Math.max(0, attempts.size() - properties.historySize()),
                attempts.size()));
        if (!withdrawn.isEmpty()) {
            update.push("withdrawnLines").each(withdrawn.toArray());
        }
        updateLeased(delivery, update, result.detail());
    }
}
