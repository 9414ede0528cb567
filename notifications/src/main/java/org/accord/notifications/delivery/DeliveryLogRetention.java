package org.accord.notifications.delivery;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log to its retention period. Only delivered and withdrawn messages age out: a parked or still-due
 * one is work for someone and stays until it is delivered or withdrawn. A scheduled removal rather than a TTL index, so the same code keeps the
 * log short on the embedded server, which has no TTL monitor.
 */
@Component
class DeliveryLogRetention {

    static final String DELIVERED_AT = "deliveredAt";
    static final String WITHDRAWN_AT = "withdrawnAt";

    private final MongoOperations mongo;
    private final DeliveryProperties properties;
    private final Clock clock;
    private Instant lastRun;

    DeliveryLogRetention(MongoOperations mongo, DeliveryProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(Delivery.class).createIndex(new Index().on(DELIVERED_AT, Sort.Direction.ASC)
                .sparse().named("deliveries_delivered_at"));
        mongo.indexOps(Delivery.class).createIndex(new Index().on(WITHDRAWN_AT, Sort.Direction.ASC)
                .sparse().named("deliveries_withdrawn_at"));
    }

    /** Removes what has aged out, at most once per {@code forget-every}; answers how many entries went. */
    synchronized long forgetWhenDue() {
        Instant now = clock.instant();
        if (lastRun != null && lastRun.plus(properties.forgetEvery()).isAfter(now)) {
            return 0;
        }
        lastRun = now;
        return forgetDeliveredBefore(now.minus(properties.logRetention()));
    }

    long forgetDeliveredBefore(Instant cutoff) {
        Query delivered = new Query(new Criteria().andOperator(
                Criteria.where(DeliveryEngine.STATUS).is(DeliveryStatus.DELIVERED),
                Criteria.where(DELIVERED_AT).lt(cutoff)));
        Query withdrawn = new Query(new Criteria().andOperator(
                Criteria.where(DeliveryEngine.STATUS).is(DeliveryStatus.WITHDRAWN),
                Criteria.where(WITHDRAWN_AT).lt(cutoff)));
        return mongo.remove(delivered, Delivery.class).getDeletedCount()
                + mongo.remove(withdrawn, Delivery.class).getDeletedCount();
    }
}
