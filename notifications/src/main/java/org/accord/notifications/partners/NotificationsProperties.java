package org.accord.notifications.partners;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowLoopbackWebhooks lets partner webhooks point at this machine, for the local demonstration only
 * @param secretKey             base64 of the 32-byte AES key that seals partner webhook secrets at rest
 */
@ConfigurationProperties("accord.notifications")
public record NotificationsProperties(boolean allowLoopbackWebhooks, String secretKey) {
}
