package org.accord.notifications.delivery;

import java.time.Instant;
import java.util.List;

import org.accord.notifications.access.DeliveryOperation;

/**
 * One delivery as its country's liaisons see it in the delivery log; never the message itself. A withdrawn one says
 * when and why; {@code withdrawnLines} lists the events left out of a digest. {@code allowedOperations} says whether
 * the caller may redrive it.
 */
record DeliveryView(String id, Channel channel, String eventType, String key, String caseId, String taskId,
        DeliveryStatus status, Attempts attempts, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt,
        Instant redrivenAt, String redrivenBy, Instant withdrawnAt, String withdrawnBecause,
        List<WithdrawnLine> withdrawnLines, List<DeliveryOperation> allowedOperations) {

    /**
     * @param count      attempts since the delivery was queued or last redriven
     * @param lastResult the class of what the last attempt came to
     * @param lastDetail its fixed sentence
     * @param recent     the most recent attempts, oldest first, across redrives
     */
    record Attempts(int count, String lastResult, String lastDetail, Instant lastAttemptAt,
            List<AttemptView> recent) {
    }

    /**
     * One attempt: its class of result and that class's sentence, never the particulars, which only the service's
     * log holds under {@code requestId}.
     */
    record AttemptView(Instant at, Attempt.Outcome outcome, String result, String detail, String requestId) {

        static AttemptView of(Attempt attempt) {
            AttemptResult result = AttemptResult.of(attempt.result());
            return new AttemptView(attempt.at(), attempt.outcome(), result.code(), result.sentence(),
                    attempt.requestId());
        }
    }

    static DeliveryView of(Delivery delivery, List<DeliveryOperation> allowedOperations) {
        List<AttemptView> recent = delivery.attempts().stream().map(AttemptView::of).toList();
        AttemptView last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        return new DeliveryView(delivery.id(), delivery.channel(), delivery.eventType(), delivery.key(),
                delivery.caseId(), delivery.taskId(), delivery.status(),
                new Attempts(delivery.attemptCount(), last == null ? null : last.result(),
                        last == null ? null : last.detail(), last == null ? null : last.at(), recent),
                delivery.createdAt(), delivery.deliveredAt(), delivery.nextAttemptAt(), delivery.redrivenAt(),
                delivery.redrivenBy(), delivery.withdrawnAt(), delivery.withdrawnBecause(), delivery.withdrawnLines(),
                allowedOperations);
    }
}
