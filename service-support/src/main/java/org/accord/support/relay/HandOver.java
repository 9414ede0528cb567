package org.accord.support.relay;

/** How notifications answered one event. */
enum HandOver {
    /** {@code 202}: a new event. */
    ACCEPTED,
    /** {@code 204}: an event it already had; done as well. */
    ALREADY_RECEIVED,
    /** A {@code 4xx} about this event: retrying changes nothing, so it is parked for an operator. */
    REJECTED,
    /** Not reachable, {@code 5xx}, overloaded or refusing the service's token: try again after a while. */
    UNAVAILABLE;

    boolean done() {
        return this == ACCEPTED || this == ALREADY_RECEIVED;
    }
}
