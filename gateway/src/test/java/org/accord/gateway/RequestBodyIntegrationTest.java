package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API takes JSON: each route names the media types its bodies may have, and the rest is answered 415 before any
 * service sees it; a method that takes no body is refused one. What a service receives is exactly the body the
 * gateway received, with its length, however the caller framed it.
 */
class RequestBodyIntegrationTest extends WiredGateway {

    private static final String JSON_BODY = "{\"title\":\"Attacks on camps\"}";

    private Map<String, String> partner;

    @BeforeEach
    void partnerToken() {
        partner = bearer(logins.systemsToken("fr"));
    }

    @Test
    void aFormOrMultipartBodyIsRefusedWithTheTypesTheRouteTakes() {
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", "application/xml")) {
            HttpResponse<String> refused = send("POST", "/api/cases", headers("Content-Type", type),
                    HttpRequest.BodyPublishers.ofString("title=x"));

            assertProblem(refused, 415, "https://accord.example/problems/unsupported-media-type");
            assertThat(refused.headers().firstValue("Accept")).hasValue("application/json");
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() {
        HttpResponse<String> refused = send("PUT", "/api/cases/x/sharing", partner,
                HttpRequest.BodyPublishers.ofString(JSON_BODY));

        assertProblem(refused, 415, "https://accord.example/problems/unsupported-media-type");
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void mergePatchIsTakenByThePatchOfCasesAndActionsOnly() {
        Map<String, String> mergePatch = headers("Content-Type", "application/merge-patch+json");

        assertThat(send("PATCH", "/api/cases/x", mergePatch, HttpRequest.BodyPublishers.ofString(JSON_BODY))
                .statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/tasks/x", mergePatch, HttpRequest.BodyPublishers.ofString(JSON_BODY))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> post = send("POST", "/api/cases", mergePatch,
                HttpRequest.BodyPublishers.ofString(JSON_BODY));
        assertProblem(post, 415, "https://accord.example/problems/unsupported-media-type");
        HttpResponse<String> patchAsForm = send("PATCH", "/api/cases/x",
                headers("Content-Type", "application/x-www-form-urlencoded"),
                HttpRequest.BodyPublishers.ofString("title=x"));
        assertProblem(patchAsForm, 415, "https://accord.example/problems/unsupported-media-type");
        assertThat(patchAsForm.headers().firstValue("Accept-Patch"))
                .hasValue("application/json, application/merge-patch+json");
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aJsonBodyReachesTheServiceWithItsLengthHoweverItCame() {
        Map<String, String> json = headers("Content-Type", "application/json; charset=utf-8");
        byte[] body = JSON_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(send("POST", "/api/cases", json, HttpRequest.BodyPublishers.ofByteArray(body)).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/cases", json, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArray(body))).statusCode()).isEqualTo(200);

        List<LoggedRequest> received = services.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.getBodyAsString()).isEqualTo(JSON_BODY);
            assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
            assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
        });
    }

    @Test
    void aBodyOnAMethodThatTakesNoneIsRefused() {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> refused = send(method, "/api/cases/x", headers("Content-Type", "application/json"),
                    HttpRequest.BodyPublishers.ofString(JSON_BODY));

            assertProblem(refused, 400, "https://accord.example/problems/body-not-allowed");
        }
        assertThat(services.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aCallWithoutABodyNeedsNoContentType() {
        assertThat(send("POST", "/api/cases/x/read", partner).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/cases/x", partner).statusCode()).isEqualTo(200);
    }

    private Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(partner);
        headers.put(name, value);
        return headers;
    }
}
