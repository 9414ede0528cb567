package org.accord.support.relay;

/** The names of the outbox fields a relayed document keeps, shared by the relay and the services' documents. */
public final class Outbox {

    public static final String EVENTS = "outbox";
    public static final String EVENT_SEQUENCE = "eventSequence";
    public static final String RELAYED_SEQUENCE = "relayedSequence";
    public static final String PENDING = "outboxPending";
    /** When the relay last tried the document; the pending query takes the longest-waiting documents first. */
    public static final String ATTEMPTED_AT = "relayAttemptedAt";

    private Outbox() {
    }
}
