package org.accord.notifications.delivery;

/** Takes messages for partner inboxes and delivers them, retrying, backing off and parking what keeps failing. */
public interface DeliveryQueue {

    /** Queues the message unless one with the same country, channel and key is already queued or delivered. */
    void enqueue(NewDelivery delivery);
}
