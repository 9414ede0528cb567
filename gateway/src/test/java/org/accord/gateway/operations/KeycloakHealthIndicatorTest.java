package org.accord.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.accord.identity.AllianceIdentityProperties;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KeycloakHealthIndicatorTest {

    @Test
    void upWhileTheRealmsKeysCanBeFetched() {
        Health health = indicator(KeycloakTestServer.shared().issuer()).health().block();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenKeycloakCannotBeReached() {
        Health health = indicator("http://localhost:" + FreePorts.next() + "/realms/alliance").health().block();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWhenTheAddressHoldsNoKeys() {
        Health health = indicator(KeycloakTestServer.shared().issuer("no-such-realm")).health().block();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void theKeysAreFetchedOnceWhileTheAnswerIsKept() {
        WireMockServer keycloak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        keycloak.start();
        try {
            String keys = "/realms/alliance/protocol/openid-connect/certs";
            keycloak.stubFor(WireMock.get(keys).willReturn(WireMock.okJson("{\"keys\":[]}")));
            String issuer = keycloak.baseUrl() + "/realms/alliance";

            KeycloakHealthIndicator kept = indicator(issuer, Duration.ofMinutes(10));
            for (int i = 0; i < 5; i++) {
                assertThat(kept.health().block().getStatus()).isEqualTo(Status.UP);
            }
            keycloak.verify(1, WireMock.getRequestedFor(WireMock.urlPathEqualTo(keys)));

            KeycloakHealthIndicator notKept = indicator(issuer, Duration.ZERO);
            for (int i = 0; i < 3; i++) {
                assertThat(notKept.health().block().getStatus()).isEqualTo(Status.UP);
            }
            keycloak.verify(1 + 3, WireMock.getRequestedFor(WireMock.urlPathEqualTo(keys)));
        } finally {
            keycloak.stop();
        }
    }

    private static KeycloakHealthIndicator indicator(String issuer) {
        return indicator(issuer, Duration.ZERO);
    }

    private static KeycloakHealthIndicator indicator(String issuer, Duration cacheFor) {
        return new KeycloakHealthIndicator(new AllianceIdentityProperties(issuer, null, null, null), cacheFor);
    }
}
