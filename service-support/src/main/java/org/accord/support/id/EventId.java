package org.accord.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a recorded event (its idempotency key), as parked events are named by.
 * Always in its canonical form: {@link #of} refuses any other spelling with {@link UnknownIdException}.
 */
public record EventId(@JsonValue String value) {

    public EventId {
        IdKind.EVENT.require(value);
    }

    /** Binds path variables, query parameters and JSON fields; Spring's conversion and Jackson both find it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
