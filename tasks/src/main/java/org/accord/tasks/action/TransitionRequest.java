package org.accord.tasks.action;

import org.accord.support.text.MultiLine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks/{id}/assignments/{country}/transitions}. */
record TransitionRequest(@NotNull AssignmentStatus to, @Size(max = 2_000) @MultiLine String reason) {

    boolean reasonMissing() {
        return to != null && to.needsReason() && (reason == null || reason.isBlank());
    }
}
