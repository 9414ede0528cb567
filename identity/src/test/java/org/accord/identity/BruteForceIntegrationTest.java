package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;

/**
 * Someone guesses a national user's password on the login form: after five wrong passwords the account is locked,
 * so even the right password is refused, while another user of the same government still signs in. Every realm
 * carries the same protection and a password policy.
 */
class BruteForceIntegrationTest {

    private final AllianceLogins logins = KeycloakTestServer.shared().logins();

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String target = "fr-guessed-" + suffix;
        String bystander = "fr-bystander-" + suffix;
        logins.admin().createUser("fr", target, "right-horse-" + suffix, "officer");
        logins.admin().createUser("fr", bystander, "other-horse-" + suffix, "officer");

        for (int guess = 1; guess <= 5; guess++) {
            String password = "guess-" + guess + "-" + suffix;
            assertThatThrownBy(() -> logins.userToken("fr", target, password)).as("guess " + password)
                    .hasMessageContaining("refused");
        }

        assertThatThrownBy(() -> logins.userToken("fr", target, "right-horse-" + suffix))
                .as("the right password on a locked account").hasMessageContaining("refused");
        assertThat(TokenClaims.payload(logins.userToken("fr", bystander, "other-horse-" + suffix)))
                .contains("\"preferred_username\":\"" + bystander + "@fr\"");
    }

    @Test
    void aPasswordTheRealmsPolicyRefusesCannotBeSet() {
        String name = "fr-short-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> logins.admin().createUser("fr", name, "short", "officer"))
                .hasMessageContaining("create user " + name);
    }
}
