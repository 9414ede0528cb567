package org.accord.notifications.delivery;

/**
 * What a channel needs of a message to make one attempt: its id in the delivery log and its text, decided for this
 * attempt from what the country may receive now.
 */
public record QueuedDelivery(String id, String country, Channel channel, String key, String eventType, String subject,
        String body) {
}
