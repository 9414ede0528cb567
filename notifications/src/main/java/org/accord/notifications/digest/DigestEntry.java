package org.accord.notifications.digest;

import java.time.Instant;

import org.accord.notifications.events.IncomingEvent;

/**
 * One event in a digest. It holds the event, not its text: each line is made, and cut to what its case's label lets
 * out, when the digest is sent.
 */
public record DigestEntry(String eventId, String eventType, String caseId, Instant occurredAt, IncomingEvent event) {
}
