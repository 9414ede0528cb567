package org.accord.support.relay;

/**
 * One collection whose documents carry an outbox of events: an array {@value Outbox#EVENTS} of events numbered per
 * document by {@code sequence}, the document's {@value Outbox#EVENT_SEQUENCE} (the last number given), its
 * {@value Outbox#RELAYED_SEQUENCE} (the last number handed over) and {@value Outbox#PENDING} (whether any event is
 * still to be handed over). The service keeps those fields in its document type, computes {@code outboxPending} from
 * them on every save, and drops events up to {@code relayedSequence} when it next saves the document.
 *
 * @param <E> the service's event type, as stored in the outbox
 */
public interface OutboxSource<E> {

    /** The collection of the documents. */
    String collection();

    /** The stored type of one outbox event. */
    Class<E> eventType();

    /** The event's id, the idempotency key notifications keeps. */
    String idOf(E event);

    /** The event's number within its document, from 1 without gaps. */
    long sequenceOf(E event);

    /** The body notifications takes for this event, serialized as JSON. */
    Object handedOver(E event);
}
