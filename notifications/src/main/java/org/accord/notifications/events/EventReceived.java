package org.accord.notifications.events;

/** A handed-over event was stored for the first time and waits to be taken to its audience. */
public record EventReceived(String eventId, String caseId) {
}
