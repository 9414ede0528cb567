package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A page of another origin on the platform's host (any other port) can read the XSRF cookie of a signed-in liaison
 * and make the liaison's browser post to the gateway. Whether it posts a plain form with the token as a field or calls
 * with the header, and whatever the browser says of where the call comes from, nothing changes: the partner inbox's
 * webhook secret stays, no delivery is redriven, and the liaison stays signed in. The web client's own calls work.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileCsrfIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BrowserSession liaison;
    private String xsrf;
    private String otherOrigin;

    @BeforeEach
    void signIn() {
        liaison = logins().gatewaySession("de-liaison");
        assertThat(liaison.get(api("/me")).status()).isEqualTo(200);
        xsrf = liaison.cookie("XSRF-TOKEN").orElseThrow();
        otherOrigin = "http://localhost:" + (URI.create(platform().gatewayUrl()).getPort() + 1);
    }

    @Test
    void aPlainFormCarryingTheXsrfTokenDoesNotRotateTheWebhookSecret() {
        JsonNode before = settings();

        HttpResponse<String> attack = fromAPage(api("/partners/DE/webhook-secret"),
                Map.of("Origin", platform().gatewayUrl(), "Content-Type", FORM), "_csrf=" + xsrf);

        assertRefused(attack, "csrf");
        assertThat(settings().path("webhookSecretRotatedAt")).isEqualTo(before.path("webhookSecretRotatedAt"));
    }

    @Test
    void aCallWithTheHeaderFromAnotherPortDoesNotRotateTheWebhookSecret() {
        JsonNode before = settings();

        HttpResponse<String> attack = fromAPage(api("/partners/DE/webhook-secret"),
                Map.of("Origin", otherOrigin, "X-XSRF-TOKEN", xsrf, "Content-Type", "application/json"), "{}");

        assertRefused(attack, "cross-origin");
        assertThat(settings().path("webhookSecretRotatedAt")).isEqualTo(before.path("webhookSecretRotatedAt"));
    }

    @Test
    void aCallTheBrowserMarksCrossSiteDoesNotRotateTheWebhookSecret() {
        JsonNode before = settings();

        HttpResponse<String> attack = fromAPage(api("/partners/DE/webhook-secret"), Map.of("Origin", otherOrigin,
                "Sec-Fetch-Site", "cross-site", "X-XSRF-TOKEN", xsrf, "Content-Type", "application/json"), "{}");

        assertRefused(attack, "cross-origin");
        assertThat(settings().path("webhookSecretRotatedAt")).isEqualTo(before.path("webhookSecretRotatedAt"));
    }

    @Test
    void aFormPostToSignOutLeavesTheLiaisonSignedIn() {
        HttpResponse<String> plainForm = fromAPage(platform().gatewayUrl() + "/logout",
                Map.of("Origin", otherOrigin, "Content-Type", FORM), "_csrf=" + xsrf);
        HttpResponse<String> sameOriginForm = fromAPage(platform().gatewayUrl() + "/logout",
                Map.of("Origin", platform().gatewayUrl(), "Content-Type", FORM), "_csrf=" + xsrf);

        assertRefused(plainForm, "cross-origin");
        assertRefused(sameOriginForm, "csrf");
        assertThat(liaison.get(api("/me")).status()).isEqualTo(200);
    }

    @Test
    void aRedriveFromAnotherOriginChangesNothingInTheDeliveryLog() {
        BrowserSession.Page before = liaison.get(api("/partners/DE/deliveries?size=100"));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        JsonNode items = json(before).path("items");
        String delivery = items.isEmpty() ? "0123456789abcdef01234567" : items.get(0).path("id").asString();

        HttpResponse<String> plainForm = fromAPage(api("/partners/DE/deliveries/" + delivery + "/redrive"),
                Map.of("Origin", otherOrigin, "Content-Type", FORM), "_csrf=" + xsrf);
        HttpResponse<String> withHeader = fromAPage(api("/partners/DE/deliveries/" + delivery + "/redrive"),
                Map.of("Origin", otherOrigin, "X-XSRF-TOKEN", xsrf), "");

        assertRefused(plainForm, "cross-origin");
        assertRefused(withHeader, "cross-origin");
        BrowserSession.Page after = liaison.get(api("/partners/DE/deliveries?size=100"));
        assertThat(redriven(json(after).path("items"))).isEqualTo(redriven(items));
    }

    @Test
    void theWebClientsOwnCallRotatesTheSecretAndSignsOut() {
        JsonNode before = settings();

        BrowserSession.Page rotated = liaison.send("POST", api("/partners/DE/webhook-secret"), null, null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(json(rotated).path("secret").asString()).isNotBlank();
        assertThat(settings().path("webhookSecretRotatedAt")).isNotEqualTo(before.path("webhookSecretRotatedAt"));

        HttpResponse<String> signOut = fromAPage(platform().gatewayUrl() + "/logout", Map.of("Origin",
                platform().gatewayUrl(), "Sec-Fetch-Site", "same-origin", "X-XSRF-TOKEN", xsrf, "Accept",
                "application/json"), "");
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(200);
        assertThat(liaison.get(api("/me")).status()).isEqualTo(401);
    }

    private JsonNode settings() {
        BrowserSession.Page page = liaison.get(api("/partners/DE"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    private static Map<String, String> redriven(JsonNode items) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (JsonNode item : items) {
            byId.put(item.path("id").asString(), item.path("status").asString() + " "
                    + item.path("redrivenAt").asString() + " " + item.path("attempts").path("count").asInt());
        }
        return byId;
    }

    /** What a page of another origin makes the liaison's browser send: the cookies go along, whatever else it adds. */
    private HttpResponse<String> fromAPage(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Cookie", "SESSION=" + liaison.cookie("SESSION").orElseThrow() + "; XSRF-TOKEN=" + xsrf);
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(HttpResponse<String> response, String problem) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asString()).isEqualTo("https://accord.example/problems/" + problem);
    }
}
