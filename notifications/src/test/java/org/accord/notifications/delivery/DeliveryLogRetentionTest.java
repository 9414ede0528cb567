package org.accord.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.accord.identity.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The delivery log keeps delivered and withdrawn messages for its retention period and everything still to be done for
 * ever.
 */
class DeliveryLogRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private final MongoClient client = MongoClients.create(EmbeddedMongo.shared().uri("retention"));
    private final MongoTemplate mongo = new MongoTemplate(client, "retention-" + UUID.randomUUID());
    private final SettableClock clock = new SettableClock(NOW);
    private final DeliveryLogRetention retention = new DeliveryLogRetention(mongo, properties(), clock);

    @AfterEach
    void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void deliveredAndWithdrawnMessagesOlderThanTheRetentionLeaveTheLogAndNothingElseDoes() {
        String agedDelivered = insert(DeliveryStatus.DELIVERED, NOW.minus(Duration.ofDays(91)));
        String recentDelivered = insert(DeliveryStatus.DELIVERED, NOW.minus(Duration.ofDays(89)));
        String agedWithdrawn = insert(DeliveryStatus.WITHDRAWN, NOW.minus(Duration.ofDays(91)));
        String recentWithdrawn = insert(DeliveryStatus.WITHDRAWN, NOW.minus(Duration.ofDays(89)));
        String agedParked = insert(DeliveryStatus.PARKED, null);
        String agedFailed = insert(DeliveryStatus.FAILED, null);
        String agedPending = insert(DeliveryStatus.PENDING, null);

        assertThat(retention.forgetWhenDue()).isEqualTo(2);

        assertThat(ids()).containsExactlyInAnyOrder(recentDelivered, recentWithdrawn, agedParked, agedFailed,
                agedPending).doesNotContain(agedDelivered, agedWithdrawn);
    }

    @Test
    void theLogIsLookedOverOncePerPeriodNotOnEveryPoll() {
        retention.forgetWhenDue();
        String aged = insert(DeliveryStatus.DELIVERED, NOW.minus(Duration.ofDays(200)));

        clock.now = NOW.plus(Duration.ofMinutes(59));
        assertThat(retention.forgetWhenDue()).isZero();
        assertThat(ids()).contains(aged);

        clock.now = NOW.plus(Duration.ofMinutes(61));
        assertThat(retention.forgetWhenDue()).isEqualTo(1);
        assertThat(ids()).doesNotContain(aged);
    }

    /** A delivery in this status, delivered or withdrawn at {@code endedAt} as its status says. */
    private String insert(DeliveryStatus status, Instant endedAt) {
        Instant created = NOW.minus(Duration.ofDays(365));
        NewDelivery message = new NewDelivery("CA", Channel.WEBHOOK, UUID.randomUUID().toString(), "CaseShared",
                "case-1", null, new MessageSource(List.of(), null, null));
        Delivery queued = Delivery.of(message, created);
        boolean withdrawn = status == DeliveryStatus.WITHDRAWN;
        return mongo.insert(new Delivery(null, queued.country(), queued.channel(), queued.key(), queued.eventType(),
                queued.caseId(), queued.taskId(), queued.source(), status, 1,
                List.of(new Attempt(created, Attempt.Outcome.FAILED, "HTTP_500", null)), created, created,
                withdrawn ? null : endedAt, null, null, null, null, withdrawn ? endedAt : null,
                withdrawn ? "the case is no longer shared with CA" : null, List.of())).id();
    }

    private List<String> ids() {
        return mongo.findAll(Delivery.class).stream().map(Delivery::id).toList();
    }

    private static DeliveryProperties properties() {
        return new DeliveryProperties(10, Duration.ofSeconds(1), 100, Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofHours(1), 8, 2, 20, Duration.ofDays(90), Duration.ofHours(1));
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
