package org.accord.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final String SECRET = "s3cr3t-shared-with-the-partner";
    private static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    private static final String TIMESTAMP = String.valueOf(NOW.getEpochSecond());
    private static final byte[] BODY = "{\"id\":\"e-1\",\"type\":\"CaseShared\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = new WebhookVerifier(SECRET);

    @Test
    void aSignatureMadeWithTheSecretVerifies() {
        String signature = WebhookVerifier.sign(SECRET, TIMESTAMP, BODY);

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(verifier.verify(TIMESTAMP, signature, BODY, NOW)).isTrue();
        assertThat(verifier.verify(TIMESTAMP, signature, BODY, NOW.plusSeconds(299))).isTrue();
        assertThat(verifier.verify(TIMESTAMP, signature, BODY, NOW.minusSeconds(299))).isTrue();
    }

    @Test
    void theSignatureIsTheStandardHmacOfTimestampDotBody() {
        // HMAC-SHA256("key", "1700000000.{}") computed independently of this code.
        assertThat(WebhookVerifier.sign("key", "1700000000", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    }

    @Test
    void anythingChangedFailsTheCheck() {
        String signature = WebhookVerifier.sign(SECRET, TIMESTAMP, BODY);
        byte[] otherBody = "{\"id\":\"e-1\",\"type\":\"CaseUpdated\"}".getBytes(StandardCharsets.UTF_8);
        String otherTimestamp = String.valueOf(NOW.getEpochSecond() + 1);

        assertThat(verifier.verify(TIMESTAMP, signature, otherBody, NOW)).isFalse();
        assertThat(verifier.verify(otherTimestamp, signature, BODY, NOW)).isFalse();
        assertThat(new WebhookVerifier("another-secret").verify(TIMESTAMP, signature, BODY, NOW)).isFalse();
        assertThat(verifier.verify(TIMESTAMP, signature.toUpperCase().replace("SHA256=", "sha256="), BODY, NOW))
                .as("the hex digits are compared as bytes").isTrue();
        assertThat(verifier.verify(TIMESTAMP, signature.substring(0, signature.length() - 2), BODY, NOW)).isFalse();
    }

    @Test
    void timestampsOutsideFiveMinutesAreRefusedAsReplays() {
        String signature = WebhookVerifier.sign(SECRET, TIMESTAMP, BODY);

        assertThat(verifier.verify(TIMESTAMP, signature, BODY, NOW.plusSeconds(301))).isFalse();
        assertThat(verifier.verify(TIMESTAMP, signature, BODY, NOW.minusSeconds(301))).isFalse();
    }

    @Test
    void malformedHeadersFailTheCheckRatherThanThrow() {
        String signature = WebhookVerifier.sign(SECRET, TIMESTAMP, BODY);

        assertThat(verifier.verify(null, signature, BODY, NOW)).isFalse();
        assertThat(verifier.verify(TIMESTAMP, null, BODY, NOW)).isFalse();
        assertThat(verifier.verify("yesterday", signature, BODY, NOW)).isFalse();
        assertThat(verifier.verify(TIMESTAMP, "md5=" + signature.substring(7), BODY, NOW)).isFalse();
        assertThat(verifier.verify(TIMESTAMP, "sha256=zz", BODY, NOW)).isFalse();
        assertThat(verifier.verify(TIMESTAMP, "sha256=", BODY, NOW)).isFalse();
    }
}
