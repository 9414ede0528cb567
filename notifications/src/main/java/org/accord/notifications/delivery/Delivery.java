package org.accord.notifications.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message for one country's partner inbox over one channel, and everything that happened to it. A worker holds
 * {@code leaseToken} until {@code leaseUntil} while it sends; a lease that lapses (the instance died) frees the
 * delivery for any other. {@code attemptCount} counts towards parking and starts again on a redrive; {@code attempts}
 * keeps the most recent attempts across redrives. {@code source} is what the message tells of; its text is made at
 * each attempt. A withdrawn delivery says why; a digest lists the events withdrawn from it.
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
        MessageSource source,
        DeliveryStatus status,
        int attemptCount,
        List<Attempt> attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String leaseToken,
        Instant leaseUntil,
        Instant redrivenAt,
        String redrivenBy,
        Instant withdrawnAt,
        String withdrawnBecause,
        List<WithdrawnLine> withdrawnLines) {

    Delivery {
        attempts = attempts == null ? List.of() : attempts;
        withdrawnLines = withdrawnLines == null ? List.of() : withdrawnLines;
    }

    static Delivery of(NewDelivery message, Instant now) {
        return new Delivery(null, message.country(), message.channel(), message.key(), message.eventType(),
                message.caseId(), message.taskId(), message.source(), DeliveryStatus.PENDING, 0, List.of(), now, now,
                null, null, null, null, null, null, null, List.of());
    }

    /** The message as a channel sends it, with the text decided for this attempt. */
    QueuedDelivery queued(String subject, String body) {
        return new QueuedDelivery(id, country, channel, key, eventType, subject, body);
    }

    Set<String> leftOut() {
        return withdrawnLines.stream().map(WithdrawnLine::eventId).collect(Collectors.toSet());
    }
}
