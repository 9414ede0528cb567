package org.accord.notifications.inbox;

import java.time.Instant;
import java.util.List;

import org.accord.notifications.access.InboxItemOperation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An inbox item as its reader sees it: whether that reader has read it, not who else did, and what the reader may do
 * with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InboxItemView(String id, String type, String eventId, String caseId, String taskId, String title,
        InboxScope scope, boolean read, Instant createdAt, List<InboxItemOperation> allowedOperations) {

    /** @param withTitle false while it could not be checked that the reader still sees the item's case */
    static InboxItemView of(InboxItem item, String reader, boolean withTitle,
            List<InboxItemOperation> allowedOperations) {
        return new InboxItemView(item.id(), item.type(), item.eventId(), item.caseId(), item.taskId(),
                withTitle ? item.title() : null,
                item.scope(), item.readBy() != null && item.readBy().contains(reader), item.createdAt(),
                allowedOperations);
    }
}
