package org.accord.notifications.delivery;

/**
 * A message to one country's partner inbox over one channel. It holds what it tells of, not its text: the text is
 * made, and cut to what the case's label lets out, at each attempt. {@code key} is unique per country and channel (the
 * event id, or the digest's own key), so handing the same message over twice queues it once.
 */
public record NewDelivery(String country, Channel channel, String key, String eventType, String caseId,
        String taskId, MessageSource source) {
}
