package org.accord.tasks.action;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One country's assignment as the API shows it; {@code overdue} is worked out when it is read. */
record AssignmentView(String country, AssignmentStatus status, String reason, String assignee, boolean overdue,
        String updatedBy, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<Transition> history) {

    static AssignmentView of(Assignment assignment, Action action, Instant now, boolean withHistory) {
        return new AssignmentView(assignment.country(), assignment.status(), assignment.reason(),
                assignment.assignee(), assignment.isOverdue(action.status(), action.dueDate(), now),
                assignment.updatedBy(), assignment.updatedAt(), withHistory ? assignment.history() : null);
    }
}
