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
        assertThat(actual.statusCode()).as(what + ": " + actual.body()).isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Content-Type")).as(what)
                .isEqualTo(expected.headers().firstValue("Content-Type"));
        assertThat(withoutAddress(actual.body())).as(what).isEqualTo(withoutAddress(expected.body()));
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
