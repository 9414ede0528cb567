package org.accord.notifications.delivery;

/** An event left out of a digest because its country may no longer receive it, and why. */
public record WithdrawnLine(String eventId, String caseId, String because) {
}
