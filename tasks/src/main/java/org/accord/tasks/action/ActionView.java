package org.accord.tasks.action;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action as the API shows it. A single action comes with every assignment's history and the comments; a listed
 * one with every country's status only, which is what the per-case view (who adopted, who declined) needs. Both
 * carry what the caller may do with the action and with each assignment, as the access policy decides it.
 */
record ActionView(String id, String caseId, ActionType type, String title, String description,
        String requestingCountry, Instant dueDate, Priority priority, ActionStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation, boolean overdue,
        List<AssignmentView> assignments, @JsonInclude(JsonInclude.Include.NON_NULL) List<Comment> comments,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version,
        List<ActionOperation> allowedOperations) {

    static ActionView of(Action action, Instant now, AllowedOperations allowed) {
        return view(action, now, allowed, true);
    }

    static ActionView listed(Action action, Instant now, AllowedOperations allowed) {
        return view(action, now, allowed, false);
    }

    private static ActionView view(Action action, Instant now, AllowedOperations allowed, boolean detailed) {
        List<AssignmentView> assignments = action.assignments().stream()
                .map(assignment -> AssignmentView.of(assignment, action, now, allowed.on(assignment.country()),
                        detailed))
                .toList();
        return new ActionView(action.id(), action.caseId(), action.type(), action.title(), action.description(),
                action.requestingCountry(), action.dueDate(), action.priority(), action.status(),
                action.cancellation(), assignments.stream().anyMatch(AssignmentView::overdue), assignments,
                detailed ? action.comments() : null, action.createdBy(), action.createdAt(), action.updatedBy(),
                action.updatedAt(), action.version(), allowed.action());
    }
}
