package org.accord.notifications.delivery;

import java.time.Duration;

/** What one attempt to deliver a message came to, as the channel judged it. */
public sealed interface SendResult {

    /** Shown in the delivery log: the status line or reply that the partner's side gave, or what went wrong. */
    String detail();

    record Delivered(String detail) implements SendResult {
    }

    /** Worth another attempt; {@code retryAfter} is what the partner asked for, {@code null} if it said nothing. */
    record Retry(String detail, Duration retryAfter) implements SendResult {
    }

    /** No attempt will ever succeed (a permanent refusal): parked at once. */
    record Park(String detail) implements SendResult {
    }

    /** The partner's endpoint is gone for good: parked, and the endpoint disabled until the country sets it again. */
    record Gone(String detail) implements SendResult {
    }
}
