package org.accord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(WebhookSender.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter(" 2 ", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookSender.retryAfter("Sun, 01 Mar 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(WebhookSender.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).as("past").isZero();
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(WebhookSender.retryAfter((String) null, NOW)).isNull();
        assertThat(WebhookSender.retryAfter("soon", NOW)).isNull();
        assertThat(WebhookSender.retryAfter("-5", NOW)).isNull();
    }
}
