package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checked-in realms, imported into a real Keycloak, issue the tokens the platform relies on. */
class RealmIntegrationTest {

    private final KeycloakTestServer keycloak = KeycloakTestServer.shared();
    private final AllianceLogins logins = keycloak.logins();

    @ParameterizedTest
    @CsvSource({ "fr-officer, FR, officer", "ca-liaison, CA, liaison", "us-analyst, US, analyst",
            "gb-officer, GB, officer", "de-liaison, DE, liaison" })
    void brokeredLoginStampsTheCountryAndMapsTheNationalRole(String username, String country, String role) {
        String payload = TokenClaims.payload(logins.userToken(username));

        assertThat(payload).contains("\"iss\":\"" + keycloak.issuer() + "\"")
                .contains("\"country\":\"" + country + "\"")
                .contains("\"preferred_username\":\"" + AllianceLogins.allianceUsername(username) + "\"")
                .contains("\"accord\"")
                .contains("\"" + role + "\"");
        for (String other : new String[] { "officer", "liaison", "analyst" }) {
            if (!other.equals(role)) {
                assertThat(payload).doesNotContain("\"" + other + "\"");
            }
        }
    }

    @Test
    void namesakesOfTwoGovernmentsAreTwoPeopleWhoeverSignsInFirst() {
        String name = "fr-namesake-" + UUID.randomUUID().toString().substring(0, 8);
        logins.admin().createUser("fr", name, "namesake-fr", "analyst");
        logins.admin().createUser("de", name, "namesake-de", "officer");

        String german = TokenClaims.payload(logins.userToken("de", name, "namesake-de"));
        String french = TokenClaims.payload(logins.userToken("fr", name, "namesake-fr"));

        assertThat(german).contains("\"preferred_username\":\"" + name + "@de\"").contains("\"country\":\"DE\"");
        assertThat(french).contains("\"preferred_username\":\"" + name + "@fr\"").contains("\"country\":\"FR\"")
                .contains("\"analyst\"").doesNotContain("\"officer\"");
        assertThat(subject(german)).isNotEqualTo(subject(french));
    }

    private static String subject(String payload) {
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void partnerSystemTokensCarryTheirCountryAndTheOfficerRole() {
        String payload = TokenClaims.payload(logins.systemsToken("de"));

        assertThat(payload).contains("\"country\":\"DE\"").contains("\"officer\"").contains("\"accord\"");
    }

    @Test
    void eachServiceTokenCarriesTheRolesOfWhatItCallsAndNoCountry() {
        assertThat(TokenClaims.payload(logins.serviceToken("cases"))).contains("\"post-case-events\"")
                .doesNotContain("\"post-action-events\"", "\"read-case-audience\"", "\"read-action-parties\"",
                        "\"operator\"", "\"country\"")
                .contains("\"accord\"");
        assertThat(TokenClaims.payload(logins.serviceToken("tasks")))
                .contains("\"post-action-events\"", "\"read-case-audience\"")
                .doesNotContain("\"post-case-events\"", "\"read-action-parties\"", "\"operator\"", "\"country\"");
        assertThat(TokenClaims.payload(logins.serviceToken("notifications")))
                .contains("\"read-case-audience\"", "\"read-action-parties\"")
                .doesNotContain("\"post-case-events\"", "\"post-action-events\"", "\"operator\"",
                        "\"country\"");
        assertThat(TokenClaims.payload(logins.operatorToken())).contains("\"operator\"", "\"accord\"")
                .doesNotContain("\"post-case-events\"", "\"post-action-events\"", "\"read-case-audience\"",
                        "\"read-action-parties\"", "\"country\"");
    }

    @Test
    void nationalRealmTokensComeFromAnotherIssuer() {
        String payload = TokenClaims.payload(logins.nationalToken("fr-officer"));

        assertThat(payload).contains("\"iss\":\"" + keycloak.issuer("fr") + "\"").doesNotContain("\"country\"");
    }

    @ParameterizedTest
    @CsvSource({ "partner system, us-systems", "user, fr-analyst" })
    void accessTokensLiveTwoMinutes(String caller, String name) {
        String payload = TokenClaims.payload(name.endsWith("-systems") ? logins.systemsToken("us")
                : logins.userToken(name));
        long iat = Long.parseLong(payload.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));

        assertThat(exp - iat).as(caller).isEqualTo(120);
    }
}
