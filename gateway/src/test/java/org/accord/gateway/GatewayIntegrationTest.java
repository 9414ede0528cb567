package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway against a real Keycloak (brokered logins through the national realms' login forms) with the services
 * played by stub servers: who gets in, what reaches a service, and what a browser or a partner system sees.
 */
class GatewayIntegrationTest extends WiredGateway {

    private static BrowserSession frOfficer;

    private BrowserSession frOfficer() {
        if (frOfficer == null) {
            frOfficer = logins.gatewaySession(gateway, "fr-officer");
        }
        return frOfficer;
    }

    @Test
    void theLoginPageOffersEveryMemberGovernment() {
        HttpResponse<String> page = send("GET", "/login", Map.of("Accept", "text/html"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Sign in with your government");
        for (String[] country : new String[][] { { "us", "United States" }, { "ca", "Canada" },
                { "gb", "United Kingdom" }, { "fr", "France" }, { "de", "Germany" } }) {
            assertThat(page.body()).contains("<a href=\"/login/" + country[0] + "\">" + country[1] + "</a>");
        }
        assertThat(page.body().split("<li>")).hasSize(6);
    }

    @Test
    void aCountryThatIsNoMemberHasNoLogin() {
        HttpResponse<String> response = send("GET", "/login/xx", Map.of());

        assertProblem(response, 404, "https://accord.example/problems/not-found");
    }

    @Test
    void signingInGoesStraightToTheGovernmentsIdentityProviderWithPkce() {
        HttpResponse<String> start = send("GET", "/login/fr", Map.of("Accept", "text/html"));

        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(URI.create(location));
        assertThat(query).containsEntry("kc_idp_hint", "fr")
                .containsEntry("client_id", "accord-gateway")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "openid profile email")
                .containsKey("code_challenge");

        String sessionCookie = setCookie(start, "SESSION");
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void theStandardAuthorizationAddressStillStartsASignIn() {
        HttpResponse<String> start = send("GET", "/oauth2/authorization/alliance", Map.of());

        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?");
        assertThat(query(URI.create(location))).doesNotContainKey("kc_idp_hint")
                .containsEntry("code_challenge_method", "S256");
    }

    @Test
    void theXsrfCookieIsReadableByTheWebClient() {
        HttpResponse<String> page = send("GET", "/login", Map.of("Accept", "text/html"));

        String xsrfCookie = setCookie(page, "XSRF-TOKEN");
        assertThat(xsrfCookie).doesNotContainIgnoringCase("HttpOnly");
    }

    @ParameterizedTest
    @CsvSource({ "fr-officer, FR, officer", "ca-liaison, CA, liaison" })
    void aSignedInUserIsKnownByTheCountryOfTheirGovernment(String username, String country, String role) {
        BrowserSession browser = logins.gatewaySession(gateway, username);

        BrowserSession.Page me = browser.get(gateway + "/api/me");

        assertThat(me.status()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.propertyNames()).containsExactly("subject", "username", "country", "roles");
        assertThat(user.get("username").asString()).isEqualTo(AllianceLogins.allianceUsername(username));
        assertThat(user.get("country").asString()).isEqualTo(country);
        assertThat(user.get("subject").asString()).isNotBlank();
        assertThat(user.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly(role);
        assertThat(browser.cookie("SESSION")).isPresent();
    }

    @Test
    void afterSigningInTheUserLandsOnTheWebClientInAFreshSession() {
        BrowserSession browser = new BrowserSession();
        BrowserSession.Page nationalLogin = browser.follow(gateway + "/login/de", uri -> false);
        String sessionBeforeSignIn = browser.cookie("SESSION").orElseThrow();

        BrowserSession.Page landed = browser.submitLogin(nationalLogin, "de-officer",
                AllianceLogins.demoPassword("de-officer"), uri -> false);

        assertThat(landed.uri()).isEqualTo(URI.create(gateway + "/"));
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("<title>Accord</title>").contains("/app.js");
        assertThat(browser.cookie("SESSION")).isPresent().get().isNotEqualTo(sessionBeforeSignIn);
    }

    @Test
    void aSessionCallReachesTheServiceWithTheUsersTokenAndWithoutBrowserCookies() {
        BrowserSession.Page cases = frOfficer().get(gateway + "/api/cases?x=1");

        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.body()).contains("answeredBy");
        List<LoggedRequest> received = services.findAll(getRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(request.queryParameter("x").firstValue()).isEqualTo("1");
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String payload = TokenClaims.payload(authorization.substring("Bearer ".length()));
        assertThat(payload).contains("\"country\":\"FR\"").contains("\"preferred_username\":\"fr-officer@fr\"")
                .contains("\"iss\":\"" + keycloak.issuer() + "\"");
        assertThat(request.containsHeader("Cookie")).isFalse();
        assertThat(request.containsHeader("X-XSRF-TOKEN")).isFalse();
    }

    @Test
    void aSessionWriteWithTheXsrfHeaderReachesTheService() {
        BrowserSession browser = frOfficer();
        assertThat(browser.cookie("XSRF-TOKEN")).isPresent();

        BrowserSession.Page created = browser.sendJson("POST", gateway + "/api/cases", "{\"title\":\"x\"}");

        assertThat(created.status()).isEqualTo(200);
        List<LoggedRequest> received = services.findAll(postRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getBodyAsString()).isEqualTo("{\"title\":\"x\"}");
        assertThat(received.get(0).getHeader("Authorization")).startsWith("Bearer ");
        assertThat(received.get(0).containsHeader("X-XSRF-TOKEN")).isFalse();
    }

    @Test
    void aSessionWriteWithoutTheXsrfHeaderIsRefusedBeforeItReachesAService() {
        BrowserSession.Page refused = frOfficer().sendWithoutXsrf("POST", gateway + "/api/cases",
                "application/json", "{\"title\":\"x\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://accord.example/problems/csrf\"");
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aPartnerSystemCallsWithItsOwnBearerToken() {
        String token = logins.systemsToken("fr");

        HttpResponse<String> me = send("GET", "/api/me", bearer(token));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = json.readTree(me.body());
        assertThat(user.get("country").asString()).isEqualTo("FR");
        assertThat(user.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("officer");

        HttpResponse<String> write = send("POST", "/api/cases", bearer(token));
        assertThat(write.statusCode()).isEqualTo(200);
        List<LoggedRequest> received = services.findAll(postRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(write.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = TokenClaims.withPayloadEdited(logins.systemsToken("fr"), "\"country\":\"FR\"",
                "\"country\":\"US\"");

        assertProblem(send("GET", "/api/me", bearer(forged)), 401, "https://accord.example/problems/unauthenticated");
        assertProblem(send("GET", "/api/cases", bearer(forged)), 401,
                "https://accord.example/problems/unauthenticated");
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aNationalRealmTokenIsRefused() {
        String national = logins.nationalToken("fr-officer");

        assertProblem(send("GET", "/api/me", bearer(national)), 401,
                "https://accord.example/problems/unauthenticated");
    }

    @Test
    void anApiCallWithoutCredentialsIsAnsweredNotRedirected() {
        HttpResponse<String> response = send("GET", "/api/me", Map.of("Accept", "text/html"));

        assertProblem(response, 401, "https://accord.example/problems/unauthenticated");
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aTokenWithoutMemberCountryIsForbidden() {
        HttpResponse<String> response = send("GET", "/api/me", bearer(logins.serviceToken("cases")));

        assertProblem(response, 403, "https://accord.example/problems/forbidden");
    }

    @Test
    void internalAddressesDoNotExistForAnyone() {
        assertProblem(send("GET", "/internal/anything", Map.of()), 404, "https://accord.example/problems/not-found");
        assertProblem(send("POST", "/internal/events", bearer(logins.serviceToken("cases"))), 404,
                "https://accord.example/problems/not-found");
        assertProblem(send("GET", "/internal/anything", bearer(logins.serviceToken("cases"))), 404,
                "https://accord.example/problems/not-found");

        BrowserSession.Page withSession = frOfficer().get(gateway + "/internal/anything");
        assertThat(withSession.status()).isEqualTo(404);
        assertThat(withSession.header("Content-Type")).hasValue("application/problem+json");
        BrowserSession.Page postWithSession = frOfficer().sendJson("POST", gateway + "/internal/events", "{}");
        assertThat(postWithSession.status()).isEqualTo(404);

        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void unknownApiAddressesAreProblems() {
        HttpResponse<String> response = send("GET", "/api/nothing-here", bearer(logins.systemsToken("de")));

        assertProblem(response, 404, "https://accord.example/problems/not-found");
    }

    @Test
    void aFailingServiceIsAProblemWithoutInternals() {
        services.stubFor(any(urlPathMatching("/api/tasks/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        HttpResponse<String> response = send("GET", "/api/tasks/42", bearer(logins.systemsToken("gb")));

        assertProblem(response, 502, "https://accord.example/problems/bad-gateway");
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("at org.");
    }

    @Test
    void aPageRequestWithoutSessionGoesToTheLoginPage() {
        HttpResponse<String> response = send("GET", "/", Map.of("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void signingOutEndsTheGatewaySessionAndTheKeycloakSession() {
        BrowserSession browser = logins.gatewaySession(gateway, "gb-officer");
        String oldSession = browser.cookie("SESSION").orElseThrow();
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(200);

        BrowserSession.Page signOut = browser.send("POST", gateway + "/logout", "application/x-www-form-urlencoded",
                "");

        assertThat(signOut.status()).isEqualTo(302);
        URI endSession = URI.create(signOut.header("Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
        assertThat(query(endSession)).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", gateway + "/login");

        BrowserSession.Page landed = browser.followRedirects(signOut, uri -> false);
        assertThat(landed.uri().toString()).isEqualTo(gateway + "/login");
        assertThat(landed.status()).isEqualTo(200);

        HttpResponse<String> withOldCookie = send("GET", "/api/me", Map.of("Cookie", "SESSION=" + oldSession));
        assertProblem(withOldCookie, 401, "https://accord.example/problems/unauthenticated");
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(401);
    }

    @Test
    void theWebClientsScriptIsToldWhereToEndTheKeycloakSession() {
        BrowserSession browser = logins.gatewaySession(gateway, "us-analyst");
        String session = browser.cookie("SESSION").orElseThrow();
        String xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> signOut = send("POST", "/logout", Map.of("Accept", "application/json",
                "Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf, "Origin", gateway));

        assertThat(signOut.statusCode()).isEqualTo(200);
        String location = json.readTree(signOut.body()).get("location").asString();
        assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
        assertThat(send("GET", "/api/me", Map.of("Cookie", "SESSION=" + session)).statusCode()).isEqualTo(401);
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie set in " + response.headers().map()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
