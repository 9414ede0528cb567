package org.accord.notifications.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event as stored once: its own id is the document id, so the unique {@code _id} index makes a second hand-over
 * of the same event a no-op. {@code fannedOutAt} stays empty until the event has reached its audience.
 */
@Document("events")
public record ReceivedEvent(@Id String id, IncomingEvent event, Instant receivedAt, Instant fannedOutAt) {
}
