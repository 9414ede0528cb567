package org.accord.notifications.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event as stored once: its own id is the document id, so the unique {@code _id} index makes a second hand-over
 * of the same event a no-op. {@code fannedOutAt} stays empty until the event has reached its audience. An event whose
 * handling keeps failing for a reason of its own (not cases being unavailable) counts its {@code failures} in a row
 * with the last one's message and time, and is parked ({@code parkedAt}) once they reach the limit, so its case's
 * later events go on; an operator's redrive clears {@code parkedAt} and the count.
 */
@Document("events")
public record ReceivedEvent(@Id String id, IncomingEvent event, Instant receivedAt, Instant fannedOutAt,
        Integer failures, String failure, Instant failedAt, Instant parkedAt) {

    public static final String FANNED_OUT_AT = "fannedOutAt";
    public static final String FAILURES = "failures";
    public static final String FAILURE = "failure";
    public static final String FAILED_AT = "failedAt";
    public static final String PARKED_AT = "parkedAt";

    /** A newly received event, waiting to reach its audience. */
    public static ReceivedEvent received(IncomingEvent event, Instant receivedAt) {
        return new ReceivedEvent(event.id().value(), event, receivedAt, null, null, null, null, null);
    }
}
