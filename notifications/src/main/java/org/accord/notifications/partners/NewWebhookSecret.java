package org.accord.notifications.partners;

import java.time.Instant;

/** Answered once, on rotation: the only time the secret leaves the service other than as signatures. */
record NewWebhookSecret(String secret, Instant rotatedAt) {
}
