package org.accord.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a case.
 * Always in its canonical form: {@link #of} refuses any other spelling with {@link UnknownIdException}.
 */
public record CaseId(@JsonValue String value) {

    public CaseId {
        IdKind.CASE.require(value);
    }

    /** Binds path variables, query parameters and JSON fields; Spring's conversion and Jackson both find it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
