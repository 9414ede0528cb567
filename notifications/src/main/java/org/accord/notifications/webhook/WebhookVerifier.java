package org.accord.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reference check a partner system runs on each webhook it receives: the {@code X-Accord-Signature} header must
 * be {@code sha256=} and the hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of the {@code X-Accord-Timestamp}
 * header (seconds since the epoch), a dot, and the raw body; the timestamp must be within five minutes of the
 * receiver's clock, so a captured request cannot be replayed later. Depends on nothing but the JDK, to be copied.
 */
public final class WebhookVerifier {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";

    private final byte[] secret;

    public WebhookVerifier(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature header value for a body sent at {@code timestamp}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp, body));
    }

    /** Whether the request is genuine and recent; any malformed header simply fails the check. */
    public boolean verify(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
            return false;
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestampHeader));
        } catch (RuntimeException e) {
            return false;
        }
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Constant-time: how long the comparison takes says nothing about how much of a forgery was right.
        return MessageDigest.isEqual(hmac(secret, timestampHeader, body), given);
    }

    private static byte[] hmac(byte[] key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
