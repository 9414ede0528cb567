package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.KeycloakAdmin;
import org.junit.jupiter.api.Test;

/**
 * A person whose government removes or demotes them loses what they had on the platform within a minute: disabling
 * them or taking a role away (directly or through a group) is all their government does; the national realm then ends
 * their session, tells the alliance realm back-channel, the alliance realm tells the gateway, and the browser's next
 * call is answered as signed out. Signing in again goes through the national realm, which refuses a disabled person
 * and vouches for a demoted one with their new roles only.
 */
class SignInEndedAtHomeIntegrationTest extends WiredGateway {

    private static final Duration WITHIN = Duration.ofMinutes(1);

    private final KeycloakAdmin admin = logins.admin();

    @Test
    void anOfficerDisabledAtHomeIsSignedOutOfTheBrowserWithinAMinuteAndCannotSignInAgain() {
        String officer = newFrenchUser("officer");
        BrowserSession browser = logins.gatewaySession("fr", officer, "leaver-pw");
        assertThat(browser.get(gateway + "/api/cases").status()).isEqualTo(200);

        admin.disableUser("fr", officer);

        BrowserSession.Page answer = firstAnswerOtherThan200(browser, "/api/cases");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(401);
        assertThatThrownBy(() -> logins.gatewaySession("fr", officer, "leaver-pw"))
                .hasMessageContaining("refused the login");
    }

    @Test
    void anOfficerDemotedAtHomeIsSignedOutWithinAMinuteAndComesBackWithTheNewRoleOnly() {
        String officer = newFrenchUser("officer");
        BrowserSession browser = logins.gatewaySession("fr", officer, "leaver-pw");
        assertThat(roles(browser)).containsExactly("officer");

        admin.grantRealmRoles("fr", officer, "analyst");
        assertThat(roles(browser)).containsExactly("officer");

        admin.revokeRealmRoles("fr", officer, "officer");

        assertSignedOutThenBackAsAnalystOnly(browser, officer);
    }

    @Test
    void anOfficerTakenOutOfTheGroupThatMadeThemOneIsSignedOutWithinAMinuteAndComesBackWithoutTheRole() {
        String officer = newFrenchUser("analyst");
        String desk = newOfficersDesk(officer);
        BrowserSession browser = logins.gatewaySession("fr", officer, "leaver-pw");
        assertThat(roles(browser)).containsExactlyInAnyOrder("officer", "analyst");

        admin.leaveGroup("fr", officer, desk);

        assertSignedOutThenBackAsAnalystOnly(browser, officer);
    }

    @Test
    void theMembersOfAGroupThatLosesTheOfficerRoleAreSignedOutWithinAMinuteAndComeBackWithoutIt() {
        String officer = newFrenchUser("analyst");
        String desk = newOfficersDesk(officer);
        BrowserSession browser = logins.gatewaySession("fr", officer, "leaver-pw");
        assertThat(roles(browser)).containsExactlyInAnyOrder("officer", "analyst");

        admin.revokeGroupRoles("fr", desk, "officer");

        assertSignedOutThenBackAsAnalystOnly(browser, officer);
    }

    @Test
    void aSignOutAtHomeEndsTheGatewaySessionAtOnceWhileOtherSessionsGoOn() {
        String officer = newFrenchUser("officer");
        BrowserSession leaving = logins.gatewaySession("fr", officer, "leaver-pw");
        BrowserSession staying = logins.gatewaySession(gateway, "fr-liaison");

        admin.endSessions("fr", officer);

        assertThat(firstAnswerOtherThan200(leaving, "/api/me").status()).isEqualTo(401);
        assertThat(staying.get(gateway + "/api/me").status()).isEqualTo(200);
    }

    @Test
    void aLogoutTokenNotSignedByTheAllianceRealmEndsNothing() {
        BrowserSession browser = logins.gatewaySession(gateway, "fr-analyst");
        String forged = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0In0.";

        BrowserSession.Page refused = new BrowserSession().send("POST",
                gateway + "/logout/connect/back-channel/alliance", "application/x-www-form-urlencoded",
                "logout_token=" + forged);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(200);
    }

    private String newFrenchUser(String role) {
        String name = "fr-leaver-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser("fr", name, "leaver-pw", role);
        return name;
    }

    private List<String> roles(BrowserSession browser) {
        BrowserSession.Page me = browser.get(gateway + "/api/me");
        assertThat(me.status()).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        json.readTree(me.body()).get("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    /** Asks again and again until the answer is no longer 200, for at most a minute; the last answer if it never is. */
    private BrowserSession.Page firstAnswerOtherThan200(BrowserSession browser, String path) {
        Instant deadline = Instant.now().plus(WITHIN);
        BrowserSession.Page answer = browser.get(gateway + path);
        while (answer.status() == 200 && Instant.now().isBefore(deadline)) {
            pause();
            answer = browser.get(gateway + path);
        }
        return answer;
    }

    /** A French group of its own that makes its members officers, with {@code analyst} in it. */
    private String newOfficersDesk(String analyst) {
        String desk = "fr-desk-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createGroup("fr", desk, "officer");
        admin.joinGroup("fr", analyst, desk);
        return desk;
    }

    /** The browser's next call is answered as signed out; signing in again, the person is an analyst only. */
    private void assertSignedOutThenBackAsAnalystOnly(BrowserSession browser, String officer) {
        assertThat(firstAnswerOtherThan200(browser, "/api/me").status()).isEqualTo(401);
        BrowserSession again = logins.gatewaySession("fr", officer, "leaver-pw");
        assertThat(roles(again)).containsExactly("analyst");
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
