package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The user's token on its way to the services: a browser session's calls reuse the access token it holds instead of
 * asking Keycloak for a new one each time, and the session's calls that find it about to expire at the same moment
 * renew it once, together, and all go through. Keycloak's token endpoint is reached through a recording proxy, so
 * the test counts what the gateway asked of it.
 */
class TokenRelayIntegrationTest extends WiredGateway {

    private static final String AUTHORIZED_CLIENTS = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
            + ".AUTHORIZED_CLIENTS";

    @Autowired
    WebSessionManager sessions;

    @Test
    void aBurstOfCallsInOneSessionAsksKeycloakForNoTokens() {
        BrowserSession browser = logins.gatewaySession(gateway, "gb-liaison");
        assertThat(tokenRequests("authorization_code")).isNotEmpty();
        tokenEndpoint.resetRequests();

        for (int call = 0; call < 20; call++) {
            assertThat(browser.get(gateway + "/api/cases?page=" + call).status()).isEqualTo(200);
        }

        assertThat(tokenEndpoint.getAllServeEvents()).isEmpty();
        List<LoggedRequest> relayed = services.findAll(getRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(relayed).hasSize(20);
        assertThat(relayed).extracting(request -> request.getHeader("Authorization")).containsOnly(
                relayed.get(0).getHeader("Authorization"));
        assertThat(TokenClaims.payload(relayed.get(0).getHeader("Authorization").substring("Bearer ".length())))
                .contains("\"preferred_username\":\"gb-liaison@gb\"");
    }

    @Test
    void callsThatFindTheTokenAboutToExpireShareOneRenewalAndAllGoThrough() {
        BrowserSession browser = logins.gatewaySession(gateway, "de-officer");
        assertThat(browser.get(gateway + "/api/cases").status()).isEqualTo(200);
        String oldToken = services.findAll(getRequestedFor(urlPathEqualTo("/api/cases"))).get(0)
                .getHeader("Authorization");
        makeAccessTokenExpireSoon(browser.cookie("SESSION").orElseThrow());
        tokenEndpoint.resetRequests();
        services.resetRequests();

        String cookie = "SESSION=" + browser.cookie("SESSION").orElseThrow();
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8)
                .mapToObj(call -> http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/cases?call=" + call))
                        .timeout(Duration.ofSeconds(30)).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        assertThat(tokenRequests("refresh_token")).hasSize(1);
        assertThat(tokenEndpoint.getAllServeEvents()).hasSize(1);
        List<LoggedRequest> relayed = services.findAll(getRequestedFor(urlPathEqualTo("/api/cases")));
        assertThat(relayed).hasSize(8);
        assertThat(relayed).extracting(request -> request.getHeader("Authorization")).doesNotContain(oldToken);

        for (int call = 0; call < 5; call++) {
            assertThat(send("GET", "/api/cases", Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);
        }
        assertThat(tokenEndpoint.getAllServeEvents()).hasSize(1);
    }

    private static List<LoggedRequest> tokenRequests(String grantType) {
        return tokenEndpoint.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=" + grantType)));
    }

    /**
     * Moves time on for this session's access token only: it now expires in twenty seconds, within the minute before
     * expiry in which the gateway renews it. Its value stays the one Keycloak issued.
     */
    private void makeAccessTokenExpireSoon(String sessionId) {
        WebSession session = ((DefaultWebSessionManager) sessions).getSessionStore().retrieveSession(sessionId)
                .blockOptional().orElseThrow();
        Map<String, OAuth2AuthorizedClient> clients = session.getAttribute(AUTHORIZED_CLIENTS);
        OAuth2AuthorizedClient client = clients.get("alliance");
        OAuth2AccessToken token = client.getAccessToken();
        Instant soon = Instant.now().plusSeconds(20);
        OAuth2AccessToken expiring = new OAuth2AccessToken(token.getTokenType(), token.getTokenValue(),
                soon.minusSeconds(280), soon, token.getScopes());
        clients.put("alliance", new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(),
                expiring, client.getRefreshToken()));
    }
}
