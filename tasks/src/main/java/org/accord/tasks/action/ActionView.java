package org.accord.tasks.action;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An action as the API shows it. A single action comes with every assignment's history and the comments; a listed
 * one with every country's status only, which is what the per-case view (who adopted, who declined) needs.
 */
record ActionView(String id, String caseId, ActionType type, String title, String description,
        String requestingCountry, Instant dueDate, Priority priority, ActionStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation, boolean overdue,
        List<AssignmentView> assignments, @JsonInclude(JsonInclude.Include.NON_NULL) List<Comment> comments,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {

    static ActionView of(Action action, Instant now) {
        return view(action, now, true);
    }

    static ActionView listed(Action action, Instant now) {
        return view(action, now, false);
    }

    private static ActionView view(Action action, Instant now, boolean detailed) {
        List<AssignmentView> assignments = action.assignments().stream()
                .map(assignment -> AssignmentView.of(assignment, action, now, detailed))
                .toList();
        return new ActionView(action.id(), action.caseId(), action.type(), action.title(), action.description(),
                action.requestingCountry(), action.dueDate(), action.priority(), action.status(),
                action.cancellation(), assignments.stream().anyMatch(AssignmentView::overdue), assignments,
                detailed ? action.comments() : null, action.createdBy(), action.createdAt(), action.updatedBy(),
                action.updatedAt(), action.version());
    }
}
