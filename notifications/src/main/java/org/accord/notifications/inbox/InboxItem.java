package org.accord.notifications.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One inbox item: addressed to a user of a country ({@code user} set), to the whole country ({@code user} empty), or
 * to a user by name alone ({@code country} empty: items about RED cases, whose readers cases names by username).
 * {@code readBy} names the users who marked it read, so one liaison reading a country item does not hide it from the
 * others.
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
        List<String> readBy) {

    InboxScope scope() {
        return user == null ? InboxScope.COUNTRY : InboxScope.USER;
    }
}
