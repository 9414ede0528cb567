package org.accord.notifications.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param connectTimeout     how long to wait for a partner's server to accept the connection
 * @param readTimeout        how long to wait for its answer, or between its bytes
 * @param totalTimeout       the longest one attempt may take however the partner trickles its answer
 * @param trustStore         a PKCS12 store of the certificates to trust instead of the JDK's (for a local
 *                           demonstration with its own certificate authority); empty: the JDK's
 * @param trustStorePassword its password
 */
@ConfigurationProperties("accord.notifications.webhook")
public record WebhookProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30s") Duration totalTimeout,
        String trustStore,
        String trustStorePassword) {
}
