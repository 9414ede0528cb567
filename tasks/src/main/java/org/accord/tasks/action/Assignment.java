package org.accord.tasks.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one addressed country does about an action: its status, the reason of the last decline or block, the person
 * it named, the history of every transition, and whether its falling overdue has been recorded for the current due
 * date.
 */
public record Assignment(
        String country,
        AssignmentStatus status,
        String reason,
        String assignee,
        String updatedBy,
        Instant updatedAt,
        boolean overdueRecorded,
        List<Transition> history) {

    public Assignment {
        history = history == null ? List.of() : List.copyOf(history);
    }

    static Assignment proposed(String country, String by, Instant at) {
        return new Assignment(country, AssignmentStatus.PROPOSED, null, null, by, at, false, List.of());
    }

    Assignment movedTo(AssignmentStatus to, String reason, String by, String byCountry, Instant at) {
        List<Transition> steps = new ArrayList<>(history);
        steps.add(new Transition(status, to, by, byCountry, at, reason));
        return new Assignment(country, to, to.needsReason() ? reason : null, assignee, by, at, overdueRecorded,
                steps);
    }

    Assignment assignedTo(String username, String by, Instant at) {
        return new Assignment(country, status, reason, username, by, at, overdueRecorded, history);
    }

    Assignment overdueRecorded(boolean recorded) {
        return new Assignment(country, status, reason, assignee, updatedBy, updatedAt, recorded, history);
    }

    boolean isOverdue(ActionStatus actionStatus, Instant dueDate, Instant now) {
        return actionStatus == ActionStatus.OPEN && status.isOpen() && now.isAfter(dueDate);
    }
}
