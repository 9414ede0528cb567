package org.accord.notifications.delivery;

import java.time.Instant;
import java.util.List;

import org.accord.notifications.events.IncomingEvent;

/**
 * What a message tells of, kept instead of its text: the text is made each time the message is sent, from what the
 * country may receive at that moment.
 *
 * @param events      the event of a webhook or a mail, or the events of a digest, oldest first
 * @param digestFrom  a digest's period; {@code null} for a message about one event
 */
public record MessageSource(List<IncomingEvent> events, Instant digestFrom, Instant digestTo) {

    public MessageSource {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static MessageSource of(IncomingEvent event) {
        return new MessageSource(List.of(event), null, null);
    }

    public static MessageSource digest(List<IncomingEvent> events, Instant from, Instant to) {
        return new MessageSource(events, from, to);
    }

    public boolean isDigest() {
        return digestFrom != null;
    }
}
