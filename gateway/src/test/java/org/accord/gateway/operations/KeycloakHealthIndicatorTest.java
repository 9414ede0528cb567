package org.accord.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.identity.AllianceIdentityProperties;
import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;

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

    private static KeycloakHealthIndicator indicator(String issuer) {
        return new KeycloakHealthIndicator(new AllianceIdentityProperties(issuer, null, null, null));
    }
}
