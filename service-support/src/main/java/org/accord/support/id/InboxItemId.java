package org.accord.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an in-app notification (an inbox item).
 * Always in its canonical form: {@link #of} refuses any other spelling with {@link UnknownIdException}.
 */
public record InboxItemId(@JsonValue String value) {

    public InboxItemId {
        IdKind.INBOX_ITEM.require(value);
    }

    /** Binds path variables, query parameters and JSON fields; Spring's conversion and Jackson both find it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static InboxItemId of(String value) {
        return new InboxItemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
