package org.accord.tasks.action;

import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/tasks/{id}}, merge-patch style: a field left out is kept, a field given replaces it
 * under the limits of a new action, {@code null} is refused. The case and the addressed countries do not change; a
 * different coordination is a new action.
 * <p>
 * A class with fields rather than a record: only the fields the body contains are set, which is what tells a
 * left-out field from an explicit {@code null}.
 */
final class ActionChanges {

    @JsonSetter(nulls = Nulls.FAIL)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 200)
    @SingleLine
    private String title;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 10_000)
    @MultiLine
    private String description;

    @JsonSetter(nulls = Nulls.FAIL)
    @Future
    private Instant dueDate;

    @JsonSetter(nulls = Nulls.FAIL)
    private Priority priority;

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    Instant dueDate() {
        return dueDate;
    }

    Priority priority() {
        return priority;
    }
}
