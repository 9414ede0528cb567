package org.accord.notifications.delivery;

import org.accord.notifications.partners.PartnerInbox;

/** Makes one attempt at delivering a message over one channel to the inbox as the country has it set now. */
public interface ChannelSender {

    Channel channel();

    /**
     * @param delivery the queued message, with its key sent as the idempotency key wherever the channel has one
     * @param inbox    the country's partner inbox settings at the time of this attempt
     */
    SendResult send(QueuedDelivery delivery, PartnerInbox inbox);

    /**
     * The partner endpoint an attempt with these settings goes to. Deliveries are held back per endpoint, so one
     * that keeps failing or answers slowly never holds back another; by default a country's channel is one endpoint.
     */
    default String endpoint(PartnerInbox inbox) {
        return channel() + " " + inbox.country();
    }
}
