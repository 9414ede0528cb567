package org.accord.support.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a delivery in a partner's delivery log.
 * Always in its canonical form: {@link #of} refuses any other spelling with {@link UnknownIdException}.
 */
public record DeliveryId(@JsonValue String value) {

    public DeliveryId {
        IdKind.DELIVERY.require(value);
    }

    /** Binds path variables, query parameters and JSON fields; Spring's conversion and Jackson both find it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DeliveryId of(String value) {
        return new DeliveryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
