package org.accord.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.accord.identity.AllianceUser;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** A country's delivery log, newest first, and sending a parked or failed delivery again. */
@Service
class DeliveryLog {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;
    private final DeliveryEngine engine;
    private final Clock clock;

    DeliveryLog(MongoOperations mongo, NotificationAccessPolicy policy, DeliveryEngine engine, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.engine = engine;
        this.clock = clock;
    }

    DeliveryPage list(AllianceUser user, String country, DeliveryStatus status, int page, int size) {
        Criteria scope = scope(user, country);
        Criteria criteria = status == null ? scope
                : new Criteria().andOperator(scope, Criteria.where(DeliveryEngine.STATUS).is(status));
        long total = mongo.count(new Query(criteria), Delivery.class);
        List<DeliveryView> items = mongo.find(new Query(criteria).with(NEWEST_FIRST).skip((long) page * size)
                .limit(size), Delivery.class).stream()
                .map(delivery -> DeliveryView.of(delivery, policy.deliveryOperations(user, country,
                        delivery.status() != null && delivery.status().redrivable())))
                .toList();
        return new DeliveryPage(items, page, size, total);
    }

    /** Queues the delivery again at once with a fresh count of attempts; the attempts so far stay in its history. */
    void redrive(AllianceUser user, String country, String id) {
        Criteria scope = new Criteria().andOperator(scope(user, country), Criteria.where("_id").is(id));
        Instant now = clock.instant();
        Query redrivable = new Query(new Criteria().andOperator(scope,
                Criteria.where(DeliveryEngine.STATUS).in(DeliveryStatus.REDRIVABLE),
                DeliveryEngine.leaseFree(now)));
        Update again = new Update().set(DeliveryEngine.STATUS, DeliveryStatus.PENDING).set("attemptCount", 0)
                .set(DeliveryEngine.NEXT_ATTEMPT_AT, now).set("redrivenAt", now).set("redrivenBy", user.username());
        if (mongo.updateFirst(redrivable, again, Delivery.class).getModifiedCount() == 0) {
            Delivery current = mongo.findOne(new Query(scope), Delivery.class);
            if (current == null) {
                throw new DeliveryNotFoundException();
            }
            throw new DeliveryNotRedrivableException(current.status());
        }
        engine.wake();
    }

    private Criteria scope(AllianceUser user, String country) {
        return policy.deliveriesOf(user, country).orElseThrow(DeliveryNotFoundException::new);
    }
}
