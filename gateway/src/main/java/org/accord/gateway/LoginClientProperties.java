package org.accord.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The gateway's own confidential client in the alliance realm, used for the browser login. */
@ConfigurationProperties("accord.gateway.client")
public record LoginClientProperties(String id, String secret) {

    public LoginClientProperties {
        if (id == null || id.isBlank()) {
            id = "accord-gateway";
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("accord.gateway.client.secret is required");
        }
    }
}
