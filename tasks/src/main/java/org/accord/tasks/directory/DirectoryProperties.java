package org.accord.tasks.directory;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tasks looks users up in the alliance realm: with its own service account (the client registration
 * {@code service}), through Keycloak's admin API. The realm and the server come from {@code accord.identity.issuer-uri}.
 *
 * @param connectTimeout  to open a connection to Keycloak
 * @param responseTimeout to wait for Keycloak's answer
 * @param maxConnections  pooled connections to Keycloak
 */
@ConfigurationProperties("accord.tasks.directory")
public record DirectoryProperties(
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("3s") Duration responseTimeout,
        @DefaultValue("10") int maxConnections) {

    /** The realm's admin resource for an issuer such as {@code http://host/realms/alliance}. */
    static URI adminUri(String issuer) {
        int realms = issuer.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak realm issuer: " + issuer);
        }
        return URI.create(issuer.substring(0, realms) + "/admin" + issuer.substring(realms));
    }
}
