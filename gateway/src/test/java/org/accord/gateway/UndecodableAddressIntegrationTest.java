package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.accord.gateway.edge.SecurityHeaders;
import org.accord.identity.testing.KeptAliveConnection;
import org.accord.identity.testing.KeptAliveConnection.Answer;
import org.accord.identity.testing.KeptAliveConnection.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A link whose address holds a broken percent-escape, opened in a browser (typed, or followed from a partner mail),
 * shows the web client's "Page not found" with a way to the cases, as the same link followed inside the web client
 * does; an API call to such an address is refused as a problem. Neither reaches a service.
 */
class UndecodableAddressIntegrationTest extends WiredGateway {

    private static final Map<String, String> BROWSER_PAGE = Map.of("Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "Sec-Fetch-Dest", "document",
            "Sec-Fetch-Mode", "navigate");

    @ParameterizedTest
    @ValueSource(strings = { "/cases/%E0%A4%A", "/tasks/%zz", "/cases?tab=%E0%A4%A", "/%" })
    void aBrowserOpeningSuchALinkSeesPageNotFoundWithTheSecurityHeaders(String address) {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            Answer page = connection.exchange(Call.get(address, BROWSER_PAGE));

            assertThat(page.status()).isEqualTo(404);
            assertThat(page.headers().get("content-type")).startsWith("text/html");
            assertThat(page.body()).contains("<title>Not found · Accord</title>", "<h1>Page not found</h1>",
                    "<a href=\"/cases\">Go to the cases</a>", "/app.css");
            assertThat(page.headers().get("content-security-policy"))
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(page.headers()).containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("x-frame-options", "DENY").containsKey("x-request-id");

            Answer next = connection.exchange(Call.get("/login", BROWSER_PAGE));
            assertThat(next.status()).as("the next page on the same connection").isEqualTo(200);
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aNavigationThatAsksForNoHtmlButIsADocumentSeesPageNotFoundToo() {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            Answer page = connection.exchange(Call.get("/cases/%E0%A4%A", Map.of("Accept", "*/*",
                    "Sec-Fetch-Dest", "document")));

            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("Page not found");
        }
    }

    @Test
    void anApiCallToSuchAnAddressIsRefusedAsAProblem() {
        String token = logins.systemsToken("fr");
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            Answer refused = connection.exchange(Call.get("/api/cases/%E0%A4%A", Map.of("Accept",
                    "application/json", "Authorization", "Bearer " + token)));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).get("type").asString())
                    .isEqualTo("https://accord.example/problems/malformed-address");
            assertThat(refused.headers().get("content-security-policy"))
                    .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aScriptsCallOutsideTheApiIsAProblemTooNotAPage() {
        try (KeptAliveConnection connection = new KeptAliveConnection(keycloak.gatewayPort())) {
            Answer refused = connection.exchange(Call.get("/cases/%E0%A4%A", Map.of("Accept", "application/json")));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
        }
    }
}
