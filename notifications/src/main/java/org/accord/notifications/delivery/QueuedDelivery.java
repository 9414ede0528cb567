package org.accord.notifications.delivery;

/** What a channel needs of a queued message to make one attempt: its id in the delivery log and its content. */
public record QueuedDelivery(String id, String country, Channel channel, String key, String eventType, String subject,
        String body) {
}
