package org.accord.notifications.inbox;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An inbox item as its reader sees it: whether that reader has read it, not who else did. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InboxItemView(String id, String type, String eventId, String caseId, String taskId, String title,
        InboxScope scope, boolean read, Instant createdAt) {

    static InboxItemView of(InboxItem item, String reader) {
        return new InboxItemView(item.id(), item.type(), item.eventId(), item.caseId(), item.taskId(), item.title(),
                item.scope(), item.readBy() != null && item.readBy().contains(reader), item.createdAt());
    }
}
