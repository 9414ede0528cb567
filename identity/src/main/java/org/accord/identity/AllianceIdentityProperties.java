package org.accord.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one issuer the platform trusts and the audience its tokens must carry. {@code jwkSetUri} defaults to the
 * issuer's certificate endpoint, so keys are fetched lazily and a service starts before Keycloak answers.
 */
@ConfigurationProperties("accord.identity")
public record AllianceIdentityProperties(String issuerUri, String audience, String jwkSetUri) {

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
    }
}
