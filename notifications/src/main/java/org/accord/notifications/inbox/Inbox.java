package org.accord.notifications.inbox;

import java.time.Clock;
import java.util.List;

import org.accord.identity.AllianceUser;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The in-app inboxes of users and countries. Whether the reader still sees the case an item names is asked when the
 * item is read: an item about a case the reader no longer sees is withdrawn and shown to nobody again, and while cases
 * cannot answer, items about cases are shown without their title.
 */
@Service
public class Inbox implements InitializingBean {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;
    private final ReaderCheck readers;
    private final Clock clock;

    Inbox(MongoOperations mongo, NotificationAccessPolicy policy, ReaderCheck readers, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.readers = readers;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        // Every read starts from the caller's country and user; the newest-first order follows in the same index.
        mongo.indexOps(InboxItem.class).createIndex(new CompoundIndexDefinition(
                new Document("country", 1).append("user", 1).append("createdAt", -1)).named("inbox_by_reader"));
        // Items addressed to a user by name alone (RED cases) are found by the user.
        mongo.indexOps(InboxItem.class).createIndex(new CompoundIndexDefinition(
                new Document("user", 1).append("createdAt", -1)).named("inbox_by_named_user"));
        // One item per event and addressee, so handing an event to the inbox twice adds nothing.
        mongo.indexOps(InboxItem.class).createIndex(new Index().on("eventId", Sort.Direction.ASC)
                .on("country", Sort.Direction.ASC).on("user", Sort.Direction.ASC).unique().named("inbox_once"));
    }

    /** Adds an item; an item for the same event and addressee already there is kept as it is. */
    public void deliver(InboxItem item) {
        try {
            mongo.insert(item);
        } catch (DuplicateKeyException alreadyDelivered) {
            // at-least-once hand-over: the first copy stands
        }
    }

    InboxPage list(AllianceUser user, boolean unreadOnly, int page, int size) {
        Criteria criteria = unreadOnly ? policy.unreadInboxOf(user) : policy.inboxOf(user);
        long total = mongo.count(new Query(criteria), InboxItem.class);
        Query query = new Query(criteria).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        List<InboxItem> found = mongo.find(query, InboxItem.class);
        ReaderCheck.Result checked = readers.check(user, found);
        if (!checked.withdrawn().isEmpty()) {
            mongo.updateMulti(new Query(Criteria.where("_id").in(checked.withdrawn())),
                    new Update().set(NotificationAccessPolicy.WITHDRAWN_AT, clock.instant()), InboxItem.class);
        }
        List<InboxItemView> items = found.stream().filter(item -> !checked.withdrawn().contains(item.id()))
                .map(item -> InboxItemView.of(item, user.username(), !checked.unchecked().contains(item.id()),
                        policy.inboxItemOperations(user)))
                .toList();
        return new InboxPage(items, page, size, total - checked.withdrawn().size());
    }

    long unreadCount(AllianceUser user) {
        return mongo.count(new Query(policy.unreadInboxOf(user)), InboxItem.class);
    }

    void markRead(AllianceUser user, String id) {
        Query query = new Query(new Criteria().andOperator(Criteria.where("_id").is(id), policy.inboxOf(user)));
        if (mongo.updateFirst(query, new Update().addToSet("readBy", user.username()), InboxItem.class)
                .getMatchedCount() == 0) {
            throw new InboxItemNotFoundException();
        }
    }
}
