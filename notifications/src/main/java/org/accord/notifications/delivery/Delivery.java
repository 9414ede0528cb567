package org.accord.notifications.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message for one country's partner inbox over one channel, and everything that happened to it. A worker holds
 * {@code leaseToken} until {@code leaseUntil} while it sends; a lease that lapses (the instance died) frees the
 * delivery for any other. {@code attemptCount} counts towards parking and starts again on a redrive; {@code attempts}
 * keeps the most recent attempts across redrives.
 */
@Document("deliveries")
record Delivery(
        @Id String id,
        String country,
        Channel channel,
        String key,
        String eventType,
        String caseId,
        String taskId,
        String subject,
        String body,
        DeliveryStatus status,
        int attemptCount,
        List<Attempt> attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String leaseToken,
        Instant leaseUntil,
        Instant redrivenAt,
        String redrivenBy) {

    static Delivery of(NewDelivery message, Instant now) {
        return new Delivery(null, message.country(), message.channel(), message.key(), message.eventType(),
                message.caseId(), message.taskId(), message.subject(), message.body(), DeliveryStatus.PENDING, 0,
                List.of(), now, now, null, null, null, null, null);
    }

    QueuedDelivery queued() {
        return new QueuedDelivery(id, country, channel, key, eventType, subject, body);
    }
}
