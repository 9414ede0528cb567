package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeycloakAdmin;
import org.accord.identity.testing.KeycloakTestServer;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;

/**
 * No alliance account ever belongs to two governments: users cannot link another identity provider to their account,
 * a first sign-in creates an account and never takes over one, and a sign-in through one government's identity
 * provider to an account of another country is refused, changing nothing of that account.
 */
class OneGovernmentPerAccountIntegrationTest {

    /** The gateway's client requires PKCE; these sign-ins stop before the code is exchanged, so any challenge does. */
    private static final String PKCE = "&code_challenge_method=S256&code_challenge="
            + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final KeycloakTestServer keycloak = KeycloakTestServer.shared();
    private final AllianceLogins logins = keycloak.logins();
    private final KeycloakAdmin admin = logins.admin();

    @Test
    void newAccountsGetNoRightToManageTheirAccountOrItsLinks() {
        assertThat(admin.defaultRoles("alliance")).doesNotContain("manage-account").doesNotContain("view-profile");
    }

    @Test
    void aSignedInUserCannotLinkAnotherGovernmentsIdentityProviderToTheirAccount() throws Exception {
        String name = unique("fr-linker");
        admin.createUser("fr", name, "linker-fr", "analyst");
        admin.createUser("de", name, "linker-de", "officer");
        BrowserSession browser = signedInAtTheAllianceRealm("fr", name, "linker-fr");
        String token = logins.userToken("fr", name, "linker-fr");

        BrowserSession.Page accountConsole = browser.get(keycloak.issuer() + "/account/");
        HttpResponse<String> linkApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                keycloak.issuer() + "/account/linked-accounts/de?providerId=de&redirectUri=" + keycloak.gatewayUrl()))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        BrowserSession.Page linkAction = browser.follow(keycloak.issuer() + "/protocol/openid-connect/auth"
                + "?client_id=accord-gateway&response_type=code&scope=openid&state=linking" + PKCE + "&redirect_uri="
                + keycloak.gatewayUrl() + "/login/oauth2/code/alliance&kc_action=idp_link:de",
                uri -> uri.toString().startsWith(keycloak.gatewayUrl()));

        assertThat(accountConsole.status()).isEqualTo(404);
        assertThat(linkApi.statusCode()).as(linkApi.body()).isIn(401, 403, 404);
        assertThat(linkAction.body()).doesNotContain("kc-form-login");
        assertThat(admin.linkedIdentities("alliance", name + "@fr")).contains("\"identityProvider\":\"fr\"")
                .doesNotContain("\"identityProvider\":\"de\"");
    }

    @Test
    void aSignInThroughAnotherGovernmentToALinkedAccountIsRefusedAndChangesNeitherItsNameNorItsCountry() {
        String name = unique("fr-dual");
        admin.createUser("fr", name, "dual-fr", "analyst");
        admin.createUser("de", name + "-de", "dual-de", "officer");
        assertThat(TokenClaims.payload(logins.userToken("fr", name, "dual-fr"))).contains("\"country\":\"FR\"");
        // the link an account console made before it was taken away, or an administrator's mistake
        admin.linkIdentity("alliance", name + "@fr", "de", name + "-de");

        assertThatThrownBy(() -> logins.userToken("de", name + "-de", "dual-de"))
                .hasMessageContaining("did not come back");

        String account = admin.user("alliance", name + "@fr").orElseThrow();
        assertThat(account).contains("\"username\":\"" + name + "@fr\"").contains("\"country\":[\"FR\"]");
        assertThat(admin.user("alliance", name + "-de@de")).isEmpty();
        assertThat(TokenClaims.payload(logins.userToken("fr", name, "dual-fr"))).contains("\"country\":\"FR\"")
                .contains("\"preferred_username\":\"" + name + "@fr\"").contains("\"analyst\"")
                .doesNotContain("\"officer\"");
    }

    @Test
    void aFirstSignInNeverTakesOverAnAccountOfTheSameName() {
        String name = unique("de-squat");
        admin.createAccount("alliance", name + "@de", "FR");
        admin.createUser("de", name, "squat-de", "officer");

        assertThatThrownBy(() -> logins.userToken("de", name, "squat-de")).hasMessageContaining("did not come back");

        assertThat(admin.linkedIdentities("alliance", name + "@de")).isEqualTo("[]");
        assertThat(admin.user("alliance", name + "@de").orElseThrow()).contains("\"country\":[\"FR\"]");
    }

    /** A browser signed in at the alliance realm through a national login form, as the web client's users are. */
    private BrowserSession signedInAtTheAllianceRealm(String country, String username, String password) {
        BrowserSession browser = new BrowserSession();
        String redirect = keycloak.gatewayUrl() + "/login/oauth2/code/alliance";
        BrowserSession.Page loginPage = browser.follow(keycloak.issuer() + "/protocol/openid-connect/auth"
                + "?client_id=accord-gateway&response_type=code&scope=openid&state=signing-in" + PKCE + "&kc_idp_hint="
                + country
                + "&redirect_uri=" + redirect, uri -> uri.toString().startsWith(redirect));
        BrowserSession.Page back = browser.submitLogin(loginPage, username, password,
                uri -> uri.toString().startsWith(redirect));
        assertThat(back.uri().toString()).startsWith(redirect);
        return browser;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
