package org.accord.tasks.action;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One addressed country's workflow: {@code PROPOSED → ACCEPTED | DECLINED → IN_PROGRESS → DONE | BLOCKED}, and
 * {@code BLOCKED → IN_PROGRESS}. Declining and blocking need a reason; DECLINED and DONE are final.
 */
public enum AssignmentStatus {
    PROPOSED, ACCEPTED, DECLINED, IN_PROGRESS, DONE, BLOCKED;

    /** The statuses in which the country still owes something, and so can fall overdue. */
    public static final List<AssignmentStatus> OPEN = List.of(PROPOSED, ACCEPTED, IN_PROGRESS, BLOCKED);

    public Set<AssignmentStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(ACCEPTED, DECLINED);
            case ACCEPTED, BLOCKED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(DONE, BLOCKED);
            case DECLINED, DONE -> EnumSet.noneOf(AssignmentStatus.class);
        };
    }

    public boolean canMoveTo(AssignmentStatus to) {
        return next().contains(to);
    }

    public boolean needsReason() {
        return this == DECLINED || this == BLOCKED;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
