package org.accord.cases.timeline;

import org.accord.cases.casefile.EntryKind;
import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/cases/{id}/entries}. {@code occurredAt} is when it happened, not when it is recorded,
 * and cannot lie in the future. A source is unprotected unless {@code sourceProtected} says otherwise.
 */
record NewEntry(
        @NotNull EntryKind kind,
        @NotBlank @Size(max = 4_000) @MultiLine String text,
        @NotNull @PastOrPresent Instant occurredAt,
        @Size(max = 200) @SingleLine String location,
        @Size(max = 500) @SingleLine String source,
        Boolean sourceProtected,
        @Pattern(regexp = "[A-F][1-6]", message = "must be an Admiralty grade: a letter A-F and a digit 1-6, e.g. B2")
        @SingleLine String reliability) {

    boolean protectsSource() {
        return Boolean.TRUE.equals(sourceProtected);
    }
}
