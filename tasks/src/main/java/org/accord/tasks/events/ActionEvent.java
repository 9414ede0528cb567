package org.accord.tasks.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event in an action's outbox, written in the same single-document write as the change it reports, so a crash
 * never keeps one without the other. {@code id} (a random UUID given once, at that write) is the idempotency key for
 * whoever relays it; {@code sequence} counts the action's events from 1 without gaps. Only the fields of its type are
 * set; {@code actor} is empty for what the service itself records (an assignment falling overdue).
 *
 * @param countries     ActionProposed: the addressed countries
 * @param country       AssignmentChanged, AssigneeSet, ActionOverdue: the assignment's country
 * @param from          AssignmentChanged: the status before
 * @param to            AssignmentChanged: the status now
 * @param reason        AssignmentChanged (declined, blocked), ActionCancelled: why
 * @param assignee      AssigneeSet: the named user
 * @param commentId     CommentAdded: the new comment
 * @param changedFields ActionUpdated: the names of the fields that changed
 * @param dueDate       ActionProposed, ActionOverdue: the due date
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionEvent(
        String id,
        ActionEventType type,
        long sequence,
        String actionId,
        String caseId,
        Instant occurredAt,
        String actor,
        String actorCountry,
        List<String> countries,
        String country,
        String from,
        String to,
        String reason,
        String assignee,
        String commentId,
        List<String> changedFields,
        Instant dueDate) {

    /** An event of one type, before the write that records it gives it its identity. */
    @FunctionalInterface
    public interface Draft {
        ActionEvent stamp(EventStamp stamp);
    }

    public static Draft actionProposed(List<String> countries, Instant dueDate) {
        return s -> of(s, ActionEventType.ActionProposed, countries, null, null, null, null, null, null, null,
                dueDate);
    }

    public static Draft actionUpdated(List<String> changedFields) {
        return s -> of(s, ActionEventType.ActionUpdated, null, null, null, null, null, null, null, changedFields,
                null);
    }

    public static Draft actionCancelled(String reason) {
        return s -> of(s, ActionEventType.ActionCancelled, null, null, null, null, reason, null, null, null, null);
    }

    public static Draft assignmentChanged(String country, String from, String to, String reason) {
        return s -> of(s, ActionEventType.AssignmentChanged, null, country, from, to, reason, null, null, null, null);
    }

    public static Draft assigneeSet(String country, String assignee) {
        return s -> of(s, ActionEventType.AssigneeSet, null, country, null, null, null, assignee, null, null, null);
    }

    public static Draft commentAdded(String commentId) {
        return s -> of(s, ActionEventType.CommentAdded, null, null, null, null, null, null, commentId, null, null);
    }

    public static Draft actionOverdue(String country, Instant dueDate) {
        return s -> of(s, ActionEventType.ActionOverdue, null, country, null, null, null, null, null, null, dueDate);
    }

    private static ActionEvent of(EventStamp s, ActionEventType type, List<String> countries, String country,
            String from, String to, String reason, String assignee, String commentId, List<String> changedFields,
            Instant dueDate) {
        return new ActionEvent(s.id(), type, s.sequence(), s.actionId(), s.caseId(), s.occurredAt(), s.actor(),
                s.actorCountry(), countries, country, from, to, reason, assignee, commentId, changedFields, dueDate);
    }
}
