package org.accord.tasks.action;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/tasks/{id}/assignments/{country}/assignee}. */
record AssigneeRequest(@NotBlank @Size(max = 255) String username) {
}
