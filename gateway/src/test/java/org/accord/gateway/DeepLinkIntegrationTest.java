package org.accord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Links in partner mails and inbox items point at the web client's pages: a signed-out officer who follows one signs
 * in through the chooser and their government's login form and ends on that page, not on the case list. Nothing
 * else a signed-out browser asked for becomes the place a sign-in ends.
 */
class DeepLinkIntegrationTest extends WiredGateway {

    private static final String CASE_LINK = "/cases/6650e1c2a9f04b1d8c3e7a21?tab=audit";

    @Test
    void aSignedOutOfficerFollowingACaseLinkEndsOnThatCaseAfterSigningIn() {
        BrowserSession browser = new BrowserSession();

        BrowserSession.Page link = browser.get(gateway + CASE_LINK);

        assertThat(link.status()).isEqualTo(302);
        assertThat(link.header("Location")).hasValue("/login");
        assertThat(link.headers().getOrDefault("Set-Cookie", List.of()))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("cases").doesNotContain("6650e1c2a9"));
        BrowserSession.Page chooser = browser.followRedirects(link, uri -> false);
        assertThat(chooser.uri()).isEqualTo(URI.create(gateway + "/login"));

        BrowserSession.Page landed = signInThroughChooser(browser, "fr-officer");

        assertThat(landed.uri()).isEqualTo(URI.create(gateway + CASE_LINK));
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("<title>Accord</title>").contains("/app.js");
        assertThat(json.readTree(browser.get(gateway + "/api/me").body()).get("country").asString()).isEqualTo("FR");
    }

    @Test
    void theRememberedPageIsUsedOnceAndAFreshSessionLandsOnTheCaseList() {
        BrowserSession browser = new BrowserSession();
        browser.get(gateway + "/tasks/71?from=mail");
        assertThat(signInThroughChooser(browser, "ca-liaison").uri())
                .isEqualTo(URI.create(gateway + "/tasks/71?from=mail"));

        // the Keycloak session still stands, so this sign-in comes straight back without a form
        BrowserSession.Page again = browser.follow(gateway + "/login/ca", uri -> false);
        assertThat(again.uri()).isEqualTo(URI.create(gateway + "/"));
        assertThat(again.status()).isEqualTo(200);

        BrowserSession later = new BrowserSession();
        assertThat(signInThroughChooser(later, "ca-liaison").uri()).isEqualTo(URI.create(gateway + "/"));
    }

    @Test
    void anApiCallMadeSignedOutIsNotWhereTheSignInEnds() {
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page refused = browser.get(gateway + "/api/cases/6650e1c2a9f04b1d8c3e7a21");
        assertThat(refused.status()).isEqualTo(401);

        BrowserSession.Page landed = signInThroughChooser(browser, "fr-officer");

        assertThat(landed.uri()).isEqualTo(URI.create(gateway + "/"));
        assertThat(landed.body()).contains("<title>Accord</title>");
    }

    @ParameterizedTest
    @CsvSource({ "GET, /actuator/prometheus", "GET, //evil.example/x", "GET, /login/fr", "GET, /app.js",
            "GET, /logout", "GET, /oauth2/authorization/alliance", "POST, /cases/42" })
    void anAddressOutsideTheWebClientsPagesIsNeverWhereTheSignInEnds(String method, String path) {
        BrowserSession browser = new BrowserSession();
        browser.send(method, gateway + path, "application/x-www-form-urlencoded", method.equals("GET") ? null : "");

        BrowserSession.Page landed = signInThroughChooser(browser, "fr-officer");

        assertThat(landed.uri()).isEqualTo(URI.create(gateway + "/"));
        assertThat(landed.status()).isEqualTo(200);
    }

    @Test
    void aFailedSignInStillEndsOnTheLoginPageWithTheError() {
        BrowserSession browser = new BrowserSession();
        browser.get(gateway + CASE_LINK);

        BrowserSession.Page failed = browser.follow(gateway + "/login/oauth2/code/alliance?code=forged&state=forged",
                uri -> false);

        assertThat(failed.uri()).isEqualTo(URI.create(gateway + "/login?error"));
        assertThat(failed.body()).contains("Sign-in did not complete");
    }

    /** From the "Sign in with your government" page, as a person would: their government's link, then its form. */
    private BrowserSession.Page signInThroughChooser(BrowserSession browser, String username) {
        String country = AllianceLogins.countryOf(username);
        BrowserSession.Page chooser = browser.get(gateway + "/login");
        assertThat(chooser.body()).contains("<a href=\"/login/" + country + "\">");
        BrowserSession.Page nationalLogin = browser.follow(gateway + "/login/" + country, uri -> false);
        BrowserSession.Page landed = browser.submitLogin(nationalLogin, username, AllianceLogins.demoPassword(username),
                uri -> false);
        assertThat(landed.uri().getPort()).isEqualTo(URI.create(gateway).getPort());
        return landed;
    }
}
