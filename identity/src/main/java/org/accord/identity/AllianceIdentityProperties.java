package org.accord.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one issuer the platform trusts, the audience its tokens must carry and the clients whose tokens it takes.
 * {@code jwkSetUri} defaults to the issuer's certificate endpoint, so keys are fetched lazily and a service starts
 * before Keycloak answers.
 */
@ConfigurationProperties("accord.identity")
public record AllianceIdentityProperties(String issuerUri, String audience, String jwkSetUri, KnownClients clients) {

    public AllianceIdentityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            issuerUri = "http://localhost:8180/realms/alliance";
        }
        if (audience == null || audience.isBlank()) {
            audience = "accord";
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (clients == null) {
            clients = KnownClients.defaults();
        }
    }
}
