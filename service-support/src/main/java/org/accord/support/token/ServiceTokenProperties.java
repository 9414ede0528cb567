package org.accord.support.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service keeps its own token at the alliance realm. The client itself is the registration {@code service} of
 * {@code spring.security.oauth2.client}.
 *
 * @param renewBefore     how long before its expiry a token is renewed, so it never lapses between the check and the
 *                        called service's own (the realm's tokens live two minutes)
 * @param connectTimeout  to open a connection to the realm's token endpoint
 * @param responseTimeout to wait for its answer
 */
@ConfigurationProperties("accord.service-token")
public record ServiceTokenProperties(
        @DefaultValue("30s") Duration renewBefore,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration responseTimeout) {
}
