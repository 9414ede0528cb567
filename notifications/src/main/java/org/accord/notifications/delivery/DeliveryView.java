package org.accord.notifications.delivery;

import java.time.Instant;
import java.util.List;

/** One delivery as its country's liaisons see it in the delivery log; never the message itself. */
record DeliveryView(String id, Channel channel, String eventType, String key, String caseId, String taskId,
        DeliveryStatus status, Attempts attempts, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt,
        Instant redrivenAt, String redrivenBy) {

    /**
     * @param count      attempts since the delivery was queued or last redriven
     * @param lastDetail what the partner's side answered last, or what went wrong
     * @param recent     the most recent attempts, oldest first, across redrives
     */
    record Attempts(int count, String lastDetail, Instant lastAttemptAt, List<Attempt> recent) {
    }

    static DeliveryView of(Delivery delivery) {
        List<Attempt> recent = delivery.attempts();
        Instant last = recent.isEmpty() ? null : recent.get(recent.size() - 1).at();
        return new DeliveryView(delivery.id(), delivery.channel(), delivery.eventType(), delivery.key(),
                delivery.caseId(), delivery.taskId(), delivery.status(),
                new Attempts(delivery.attemptCount(), delivery.lastDetail(), last, recent), delivery.createdAt(),
                delivery.deliveredAt(), delivery.nextAttemptAt(), delivery.redrivenAt(), delivery.redrivenBy());
    }
}
