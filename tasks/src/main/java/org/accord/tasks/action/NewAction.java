package org.accord.tasks.action;

import org.accord.support.id.CaseId;
import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tasks}. The requesting country comes from the caller's token. */
record NewAction(
        @NotNull CaseId caseId,
        @NotNull ActionType type,
        @NotBlank @Size(max = 200) @SingleLine String title,
        @Size(max = 10_000) @MultiLine String description,
        @NotNull @Future Instant dueDate,
        @NotNull Priority priority,
        @NotEmpty @Size(max = 50) List<@NotNull @MemberCountry @SingleLine String> countries) {

    NewAction {
        description = description == null ? "" : description;
    }
}
