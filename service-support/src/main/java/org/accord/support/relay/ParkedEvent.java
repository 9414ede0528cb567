package org.accord.support.relay;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * An event notifications refused for good, set aside in {@value OutboxRelay#PARKED} so that its document's later
 * events go on. It keeps the body that was handed over, since the document's next save drops the event from its
 * outbox; an operator looks at it and hands it over again once notifications can take it.
 *
 * @param eventId       the event's id, notifications' idempotency key
 * @param collection    the collection of the document the event belongs to
 * @param documentId    that document's id
 * @param sequence      the event's number within the document
 * @param eventType     the event's type as its body names it
 * @param status        notifications' answer; {@code null} if the event could not even be written as JSON
 * @param problemType   the {@code type} of the problem notifications answered with, if any
 * @param problemDetail its {@code detail} (or title), or what else went wrong
 * @param parkedAt      when the event was first set aside
 * @param lastAttemptAt when it was last handed over
 * @param attempts      how often it was handed over and refused or not taken, redrives included
 * @param body          the JSON handed over, sent again as it is on a redrive
 */
public record ParkedEvent(@Id String eventId, String collection, String documentId, long sequence,
        String eventType, Integer status, String problemType, String problemDetail, Instant parkedAt,
        Instant lastAttemptAt, int attempts, String body) {
}
