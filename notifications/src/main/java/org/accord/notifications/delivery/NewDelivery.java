package org.accord.notifications.delivery;

/**
 * A message to one country's partner inbox over one channel, already cut to what the case's TLP lets leave the
 * platform. {@code key} is unique per country and channel (the event id, or the digest's own key), so handing the
 * same message over twice queues it once.
 *
 * @param subject the mail subject; {@code null} for a webhook
 * @param body    the webhook's JSON body, or the mail's text
 */
public record NewDelivery(String country, Channel channel, String key, String eventType, String caseId,
        String taskId, String subject, String body) {
}
