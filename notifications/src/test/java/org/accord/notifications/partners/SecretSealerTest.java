package org.accord.notifications.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretSealer sealer = new SecretSealer(new NotificationsProperties(false, KEY));

    @Test
    void aSealedSecretOpensOnlyForItsCountryAndUnderItsKey() {
        String sealed = sealer.seal("FR", "the-secret");

        assertThat(sealed).doesNotContain("the-secret");
        assertThat(sealer.seal("FR", "the-secret")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealer.open("FR", sealed)).isEqualTo("the-secret");
        assertThatThrownBy(() -> sealer.open("DE", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        SecretSealer other = new SecretSealer(
                new NotificationsProperties(false, Base64.getEncoder().encodeToString(otherKey)));
        assertThatThrownBy(() -> other.open("FR", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theServiceDoesNotStartWithoutAProperKey() {
        assertThatThrownBy(() -> new SecretSealer(new NotificationsProperties(false, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretSealer(new NotificationsProperties(false,
                Base64.getEncoder().encodeToString(new byte[16])))).isInstanceOf(IllegalStateException.class);
    }
}
