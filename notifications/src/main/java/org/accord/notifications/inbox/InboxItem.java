package org.accord.notifications.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One inbox item: addressed to a user of a country ({@code user} set), to the whole country ({@code user} empty), or
 * to a user by name alone ({@code country} empty: items about RED cases, whose readers cases names by username).
 * {@code readBy} names the users who marked it read, so one liaison reading a country item does not hide it from the
 * others. {@code parties} are, on an item about a RED case's action, the countries party to the action: only a named
 * user of one of them may open the action. {@code withdrawnAt} is set once a reader was found no longer to see the
 * case it names; it is shown to nobody after that.
 */
@Document("inbox")
public record InboxItem(
        @Id String id,
        String country,
        String user,
        String eventId,
        String type,
        String caseId,
        String taskId,
        String title,
        Instant createdAt,
        List<String> readBy,
        List<String> parties,
        Instant withdrawnAt) {

    public InboxItem(String id, String country, String user, String eventId, String type, String caseId,
            String taskId, String title, Instant createdAt, List<String> readBy) {
        this(id, country, user, eventId, type, caseId, taskId, title, createdAt, readBy, null, null);
    }

    InboxScope scope() {
        return user == null ? InboxScope.COUNTRY : InboxScope.USER;
    }
}
