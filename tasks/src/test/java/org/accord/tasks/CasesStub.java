package org.accord.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.identity.testing.TokenClaims;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases service as tasks meets it: {@code GET /api/cases/{id}} answers the case to a bearer whose token's
 * country may see it and 404 to everyone else (no token, another country, an unknown case);
 * {@code GET /internal/cases/{id}/readers} answers the countries that see it to a token with the role
 * {@code read-case-audience}, 404 for an unknown case. A test can make one case fail in any way cases might.
 */
public final class CasesStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NOT_FOUND = "{\"type\":\"https://accord.example/problems/not-found\","
            + "\"title\":\"Case not found\",\"status\":404}";
    private static CasesStub shared;

    private final WireMockServer server;
    private final Map<String, StubMapping> published = new ConcurrentHashMap<>();
    private final Map<String, StubMapping> failures = new ConcurrentHashMap<>();
    private final Map<String, StubMapping> readers = new ConcurrentHashMap<>();

    private CasesStub(WireMockServer server) {
        this.server = server;
    }

    public static synchronized CasesStub shared() {
        if (shared == null) {
            WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(24)
                    .jettyAcceptors(1));
            server.start();
            server.stubFor(get(urlPathMatching("/api/cases/.*")).atPriority(10)
                    .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                            .withBody(NOT_FOUND)));
            server.stubFor(get(urlPathMatching("/internal/cases/.*")).atPriority(10)
                    .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                            .withBody(NOT_FOUND)));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cases-stub-stop"));
            shared = new CasesStub(server);
        }
        return shared;
    }

    /** The stand-in server itself, for a test that scripts a sequence of answers. */
    public WireMockServer server() {
        return server;
    }

    public String url() {
        return server.baseUrl();
    }

    /** From now on cases shows {@code stubCase} to users of its visible countries, and 404 to anyone else. */
    public StubCase publish(StubCase stubCase) {
        StubMapping previous = published.put(stubCase.id(), server.stubFor(
                get(urlPathEqualTo("/api/cases/" + stubCase.id())).atPriority(5)
                        .andMatching(bearerOfCountryIn(stubCase.visibleTo()))
                        .willReturn(okJson(stubCase.json()))));
        StubMapping previousReaders = readers.put(stubCase.id(), server.stubFor(
                get(urlPathEqualTo(readersPath(stubCase.id()))).atPriority(5)
                        .andMatching(SERVICE_BEARER)
                        .willReturn(okJson(stubCase.readersJson()))));
        if (previous != null) {
            server.removeStub(previous);
        }
        if (previousReaders != null) {
            server.removeStub(previousReaders);
        }
        return stubCase;
    }

    /** Every call about this case now gets {@code answer} (a 5xx, a fault, a delay), whoever asks. */
    public void fail(String caseId, ResponseDefinitionBuilder answer) {
        StubMapping previous = failures.put(caseId, server.stubFor(
                get(urlPathEqualTo("/api/cases/" + caseId)).atPriority(1).willReturn(answer)));
        if (previous != null) {
            server.removeStub(previous);
        }
    }

    /** Questions about who sees this case now get {@code answer}, while the case itself is still answered. */
    public void failReaders(String caseId, ResponseDefinitionBuilder answer) {
        StubMapping previous = failures.put(readersPath(caseId), server.stubFor(
                get(urlPathEqualTo(readersPath(caseId))).atPriority(1).willReturn(answer)));
        if (previous != null) {
            server.removeStub(previous);
        }
    }

    public int readersCallsAbout(String caseId) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(readersPath(caseId))).build())
                .getCount();
    }

    private static String readersPath(String caseId) {
        return "/internal/cases/" + caseId + "/readers";
    }

    /** Cases answers this case normally again. */
    public void recover(String caseId) {
        for (String key : List.of(caseId, readersPath(caseId))) {
            StubMapping failure = failures.remove(key);
            if (failure != null) {
                server.removeStub(failure);
            }
        }
    }

    public int callsAbout(String caseId) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/cases/" + caseId)).build())
                .getCount();
    }

    /** The bearer tokens tasks relayed when it asked about this case. */
    public List<String> bearersAsking(String caseId) {
        return server.findAll(getRequestedFor(urlPathEqualTo("/api/cases/" + caseId))).stream()
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }

    /** Tasks' own token: the realm role {@code read-case-audience}, as cases' audience requires. */
    private static final ValueMatcher<Request> SERVICE_BEARER = request -> {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return MatchResult.noMatch();
        }
        JsonNode roles = JSON.readTree(TokenClaims.payload(authorization.substring("Bearer ".length())))
                .path("realm_access").path("roles");
        boolean service = false;
        for (JsonNode role : roles) {
            service |= role.asString().equals("read-case-audience");
        }
        return MatchResult.of(service);
    };

    private static ValueMatcher<Request> bearerOfCountryIn(Set<String> countries) {
        return request -> {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return MatchResult.noMatch();
            }
            JsonNode claims = JSON.readTree(TokenClaims.payload(authorization.substring("Bearer ".length())));
            JsonNode country = claims.get("country");
            return MatchResult.of(country != null && countries.contains(country.asString()));
        };
    }
}
