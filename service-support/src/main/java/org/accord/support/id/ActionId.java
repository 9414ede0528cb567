package org.accord.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a coordinated action (a task).
 * Always in its canonical form: {@link #of} refuses any other spelling with {@link UnknownIdException}.
 */
public record ActionId(@JsonValue String value) {

    public ActionId {
        IdKind.ACTION.require(value);
    }

    /** Binds path variables, query parameters and JSON fields; Spring's conversion and Jackson both find it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ActionId of(String value) {
        return new ActionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
