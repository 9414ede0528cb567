package org.accord.gateway.login;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own confidential client in the alliance realm, used for the browser login.
 *
 * @param tokenUri where the gateway fetches and renews tokens, when it reaches Keycloak's token endpoint by another
 *                 address than the issuer's (a back-channel address inside the cluster); by default the issuer's
 */
@ConfigurationProperties("accord.gateway.client")
public record LoginClientProperties(String id, String secret, URI tokenUri) {

    public LoginClientProperties {
        if (id == null || id.isBlank()) {
            id = "accord-gateway";
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("accord.gateway.client.secret is required");
        }
    }
}
