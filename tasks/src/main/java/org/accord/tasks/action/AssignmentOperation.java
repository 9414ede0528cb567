package org.accord.tasks.action;

import java.util.Optional;

/**
 * The calls a caller may make on one country's assignment, as answered in its {@code allowedOperations}: the moves
 * of its workflow ({@code POST …/assignments/{country}/transitions} with the status each leads to) and naming its
 * assignee ({@code PUT …/assignments/{country}/assignee}).
 */
public enum AssignmentOperation {
    ACCEPT(AssignmentStatus.ACCEPTED),
    DECLINE(AssignmentStatus.DECLINED),
    /** Starting the work, or resuming it after a block. */
    START(AssignmentStatus.IN_PROGRESS),
    BLOCK(AssignmentStatus.BLOCKED),
    DONE(AssignmentStatus.DONE),
    ASSIGN(null);

    private final AssignmentStatus to;

    AssignmentOperation(AssignmentStatus to) {
        this.to = to;
    }

    /** The status a move leads to; empty for naming the assignee. */
    public Optional<AssignmentStatus> to() {
        return Optional.ofNullable(to);
    }
}
