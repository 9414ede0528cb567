package org.accord.tasks.action;

import org.accord.support.text.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/tasks/{id}/assignments/{country}/assignee}. */
record AssigneeRequest(@NotBlank @Size(max = 255) @SingleLine String username) {
}
