package org.accord.gateway.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;

class RequestedPageTest {

    private static final String PAGE = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final RequestedPage requestedPage = new RequestedPage(
            List.of("/cases", "/cases/**", "/tasks/**", "/inbox", "/partners", "/partners/**"));
    private final MockWebSession session = new MockWebSession();

    @Test
    void aBrowsersNavigationToACaseIsRememberedWithItsQueryAndHandedOutOnce() {
        remember(MockServerHttpRequest.get("/cases/6650e1c2a9?tab=audit").header("Accept", PAGE)
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").build());

        assertThat(landing()).isEqualTo("/cases/6650e1c2a9?tab=audit");
        assertThat(landing()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/cases", "/tasks/42", "/inbox", "/partners", "/partners/FR?view=subscriptions" })
    void everyPageOfTheWebClientIsRemembered(String page) {
        remember(MockServerHttpRequest.get(page).header("Accept", PAGE).build());

        assertThat(landing()).isEqualTo(page);
    }

    @Test
    void onlyThePathIsRememberedNeverTheHostTheRequestNamed() {
        remember(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://evil.example/tasks/7?x=1"))
                .header("Accept", PAGE).build());

        assertThat(landing()).isEqualTo("/tasks/7?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/cases/42", "/api/me", "/actuator/prometheus", "/login", "/login/fr",
            "/login/oauth2/code/alliance", "/logout", "/app.js", "/js/cases.js", "/oauth2/authorization/alliance",
            "//evil.example/x", "/cases/..%2F..%2Fevil", "/cases/%2e%2e/%2e%2e/api/me", "/cases/../api/me",
            "/tasks/a%5Cevil.example" })
    void addressesOutsideTheWebClientsPagesAreNotRemembered(String path) {
        remember(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://localhost:8080" + path))
                .header("Accept", PAGE).build());

        assertThat(landing()).isNull();
    }

    @ParameterizedTest
    @CsvSource({ "POST, text/html, , ", "GET, application/json, , ", "GET, */*, , ", "GET, text/html, cors, empty",
            "GET, text/html, no-cors, script", "GET, text/html, navigate, iframe" })
    void onlyATopLevelPageNavigationIsRemembered(String method, String accept, String mode, String destination) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.valueOf(method),
                URI.create("http://localhost:8080/cases/42")).header("Accept", accept);
        if (mode != null) {
            request.header("Sec-Fetch-Mode", mode);
        }
        if (destination != null) {
            request.header("Sec-Fetch-Dest", destination);
        }
        remember(request.build());

        assertThat(landing()).isNull();
    }

    @Test
    void aScriptsRequestIsNotRemembered() {
        remember(MockServerHttpRequest.get("/cases/42").header("Accept", PAGE)
                .header("X-Requested-With", "XMLHttpRequest").build());

        assertThat(landing()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example/x", "https://evil.example/cases/1", "/\\evil.example", "\\\\evil.example",
            "/cases/../..//evil.example", "cases/1", "javascript:alert(1)", "/cases/1?\r\nSet-Cookie:x=1", "" })
    void aSessionValueThatIsNoLocalPageIsNeverALanding(String tampered) {
        session.getAttributes().put(RequestedPage.ATTRIBUTE, tampered);

        assertThat(landing()).isNull();
        assertThat(session.getAttributes()).doesNotContainKey(RequestedPage.ATTRIBUTE);
    }

    private void remember(MockServerHttpRequest request) {
        requestedPage.saveRequest(MockServerWebExchange.builder(request).session(session).build()).block();
    }

    private String landing() {
        URI uri = requestedPage.getRedirectUri(MockServerWebExchange.builder(MockServerHttpRequest
                .get("/login/oauth2/code/alliance")).session(session).build()).block();
        return uri == null ? null : uri.toString();
    }
}
