package org.accord.notifications.digest;

import java.time.Instant;

/**
 * One event in a digest, its text already cut to what its case's label lets out.
 *
 * @param tlpLabel    the label in its written form, {@code TLP:AMBER+STRICT}
 * @param restriction how restrictive the label is, higher is stricter; the digest states its strictest label
 * @param section     the event's text in the mail
 */
public record DigestEntry(String eventId, String eventType, String caseId, Instant occurredAt, String tlpLabel,
        int restriction, String section) {
}
