package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Real tokens of the checked-in realms through the decoder and rules every service uses: the platform's clients are
 * taken for what they are, a member's user without a role only for who they are, and another client of the realm not
 * at all, though Keycloak gives it the platform's audience.
 */
class KnownClientsIntegrationTest {

    private final KeycloakTestServer keycloak = KeycloakTestServer.shared();
    private final AllianceLogins logins = keycloak.logins();
    private final AllianceTokens tokens = new AllianceTokens(
            new AllianceIdentityProperties(keycloak.issuer(), null, null, null),
            CountryRegistry.of(new CountryRegistryProperties(null, null)));
    private final JwtDecoder decoder = tokens.jwtDecoder();

    @Test
    void thePlatformsClientsReachWhatTheirCallersMay() {
        Jwt officer = decoder.decode(logins.userToken("de-officer"));
        Jwt partner = decoder.decode(logins.systemsToken("ca"));
        Jwt service = decoder.decode(logins.serviceToken("tasks"));

        assertThat(tokens.mayUseTheApi(officer)).isTrue();
        assertThat(tokens.mayUseTheApi(partner)).isTrue();
        assertThat(tokens.mayCallInternal(partner)).isFalse();
        assertThat(tokens.mayCallInternal(service)).isTrue();
        assertThat(tokens.mayAskWhoTheyAre(service)).isFalse();
    }

    @Test
    void aUserWithoutARoleIsKnownButMayOnlyAskWhoTheyAre() {
        Jwt visitor = decoder.decode(logins.userToken("fr-visitor"));

        assertThat(AllianceUser.from(visitor).roles()).isEmpty();
        assertThat(tokens.mayAskWhoTheyAre(visitor)).isTrue();
        assertThat(tokens.mayUseTheApi(visitor)).isFalse();
        assertThat(tokens.mayCallInternal(visitor)).isFalse();
    }

    @Test
    void anotherClientOfTheRealmIsRefusedThoughItCarriesThePlatformsAudience() {
        String stranger = logins.unknownClientToken("FR", "officer", "operator");

        assertThat(TokenClaims.payload(stranger)).contains("\"accord\"").contains("\"country\":\"FR\"");
        assertThatThrownBy(() -> decoder.decode(stranger)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("client the platform does not know");
    }
}
