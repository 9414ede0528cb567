package org.accord.tasks.action;

import org.accord.support.text.MultiLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks/{id}/cancellation}. */
record CancellationRequest(@NotBlank @Size(max = 2_000) @MultiLine String reason) {
}
