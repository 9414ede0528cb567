package org.accord.notifications.delivery;

import java.time.Duration;

/**
 * What one attempt to deliver a message came to, as the channel judged it: {@code result} is what the partner is
 * shown, {@code detail} the particulars for the service's log only.
 */
public sealed interface SendResult {

    AttemptResult result();

    String detail();

    record Delivered(AttemptResult result, String detail) implements SendResult {
    }

    /** Worth another attempt; {@code retryAfter} is what the partner asked for, {@code null} if it said nothing. */
    record Retry(AttemptResult result, String detail, Duration retryAfter) implements SendResult {
    }

    /** No attempt will ever succeed (a permanent refusal): parked at once. */
    record Park(AttemptResult result, String detail) implements SendResult {
    }

    /** The partner's endpoint is gone for good: parked, and the endpoint disabled until the country sets it again. */
    record Gone(AttemptResult result, String detail) implements SendResult {
    }
}
