package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A state-changing call on a browser session counts only with the XSRF header and from the platform's own origin: a
 * page of another origin that can read the XSRF cookie (another port of the same host) still cannot change anything,
 * whether it posts a form or calls with the header. Partner systems' bearer calls are not browser calls.
 */
class SameOriginIntegrationTest extends WiredGateway {

    private static final String CROSS_ORIGIN = "https://accord.example/problems/cross-origin";
    private static final String CSRF = "https://accord.example/problems/csrf";

    private BrowserSession browser;
    private String xsrf;
    private String cookies;

    @BeforeEach
    void signIn() {
        browser = logins.gatewaySession(gateway, "fr-liaison");
        xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        cookies = "SESSION=" + browser.cookie("SESSION").orElseThrow() + "; XSRF-TOKEN=" + xsrf;
    }

    @Test
    void aFormCarryingTheXsrfTokenAsAFieldIsRefused() {
        HttpResponse<String> form = post("/api/cases", Map.of("Cookie", cookies, "Origin", gateway,
                "Content-Type", "application/x-www-form-urlencoded"), "_csrf=" + xsrf);

        assertProblem(form, 403, CSRF);
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCallWithTheHeaderFromAnotherPortOfTheSameHostIsRefused() {
        String otherPort = gateway.replaceFirst(":\\d+$", ":" + (keycloak.gatewayPort() + 1));

        assertProblem(post("/api/cases", browserJson("Origin", otherPort), "{}"), 403, CROSS_ORIGIN);
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCallTheBrowserMarksCrossSiteIsRefusedWhateverItsOrigin() {
        Map<String, String> headers = browserJson("Origin", gateway);
        headers.put("Sec-Fetch-Site", "cross-site");
        Map<String, String> sameSite = browserJson("Origin", gateway);
        sameSite.put("Sec-Fetch-Site", "same-site");

        assertProblem(post("/api/cases", headers, "{}"), 403, CROSS_ORIGIN);
        assertProblem(post("/api/cases", sameSite, "{}"), 403, CROSS_ORIGIN);
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCallThatSaysNothingOfWhereItComesFromIsRefused() {
        assertProblem(post("/api/cases", browserJson(), "{}"), 403, CROSS_ORIGIN);
        assertProblem(post("/logout", browserJson(), ""), 403, CROSS_ORIGIN);
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(200);
    }

    @Test
    void signingOutFromAnotherOriginIsRefusedAndTheUserStaysSignedIn() {
        Map<String, String> form = new LinkedHashMap<>(Map.of("Cookie", cookies, "Origin",
                "http://localhost:" + (keycloak.gatewayPort() + 1), "Content-Type",
                "application/x-www-form-urlencoded"));

        assertProblem(post("/logout", form, "_csrf=" + xsrf), 403, CROSS_ORIGIN);
        assertThat(browser.get(gateway + "/api/me").status()).isEqualTo(200);
    }

    @Test
    void theWebClientsOwnCallsPassByOriginOrByTheBrowsersVerdict() {
        HttpResponse<String> byOrigin = post("/api/cases", browserJson("Origin", gateway), "{\"title\":\"x\"}");
        Map<String, String> verdict = browserJson();
        verdict.put("Sec-Fetch-Site", "same-origin");
        HttpResponse<String> byVerdict = post("/api/cases", verdict, "{\"title\":\"y\"}");

        assertThat(byOrigin.statusCode()).isEqualTo(200);
        assertThat(byVerdict.statusCode()).isEqualTo(200);
        assertThat(services.findAll(postRequestedFor(urlPathEqualTo("/api/cases"))))
                .extracting(LoggedRequest::getBodyAsString).containsExactly("{\"title\":\"x\"}", "{\"title\":\"y\"}");
    }

    @Test
    void aPartnerSystemsBearerCallIsNotABrowserCall() {
        Map<String, String> headers = new LinkedHashMap<>(bearer(logins.systemsToken("fr")));
        headers.put("Content-Type", "application/json");
        headers.put("Origin", PARTNER_ORIGIN);
        headers.put("Sec-Fetch-Site", "cross-site");

        assertThat(post("/api/cases", headers, "{}").statusCode()).isEqualTo(200);
    }

    private Map<String, String> browserJson(String... more) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Cookie", cookies, "X-XSRF-TOKEN", xsrf,
                "Content-Type", "application/json", "Accept", "application/json"));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        return send("POST", path, headers, HttpRequest.BodyPublishers.ofString(body));
    }
}
