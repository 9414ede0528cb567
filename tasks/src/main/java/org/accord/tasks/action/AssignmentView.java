package org.accord.tasks.action;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One country's assignment as the API shows it; {@code overdue} is worked out when it is read, and
 * {@code allowedOperations} are the moves and the naming of an assignee the caller may make on it.
 */
record AssignmentView(String country, AssignmentStatus status, String reason, String assignee, boolean overdue,
        String updatedBy, Instant updatedAt, List<AssignmentOperation> allowedOperations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Transition> history) {

    static AssignmentView of(Assignment assignment, Action action, Instant now,
            List<AssignmentOperation> allowedOperations, boolean withHistory) {
        return new AssignmentView(assignment.country(), assignment.status(), assignment.reason(),
                assignment.assignee(), assignment.isOverdue(action.status(), action.dueDate(), now),
                assignment.updatedBy(), assignment.updatedAt(), allowedOperations,
                withHistory ? assignment.history() : null);
    }
}
