package org.accord.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Two answers a caller cannot tell apart: status, content type and body, apart from the problem's own address. */
public final class SameAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SameAnswer() {
    }

    /** {@code actual} is {@code expected} in every byte but the problem's {@code instance} and {@code requestId}. */
    public static void assertSameAnswer(String what, HttpResponse<String> actual, HttpResponse<String> expected) {
        assertThat(actual.headers().firstValue("Content-Type")).as(what)
                .isEqualTo(expected.headers().firstValue("Content-Type"));
        assertSameBody(what, actual.statusCode(), actual.body(), expected.statusCode(), expected.body());
    }

    /** The same status and body as expected, but for the problem's {@code instance} and {@code requestId}. */
    public static void assertSameBody(String what, int actualStatus, String actualBody, int expectedStatus,
            String expectedBody) {
        assertThat(actualStatus).as(what + ": " + actualBody).isEqualTo(expectedStatus);
        assertThat(withoutAddress(actualBody)).as(what).isEqualTo(withoutAddress(expectedBody));
    }

    private static String withoutAddress(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonNode tree = JSON.readTree(body);
        if (tree instanceof ObjectNode problem) {
            problem.remove("instance");
            problem.remove("requestId");
        }
        return JSON.writeValueAsString(tree);
    }
}
