package org.accord.tasks.action;

import org.accord.support.text.MultiLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks/{id}/comments}. */
record NewComment(@NotBlank @Size(max = 4_000) @MultiLine String text) {
}
