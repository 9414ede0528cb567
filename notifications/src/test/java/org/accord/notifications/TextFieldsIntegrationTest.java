package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.support.testing.TextInputs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * A partner inbox's addresses and webhook address, and every one-line field of a handed-over event, refuse control
 * characters and line separators, naming the field, and nothing is stored.
 */
class TextFieldsIntegrationTest extends IntegrationTestSupport {

    private static final String SETTINGS = """
            {"emails":["desk@partner.example"],"webhookUrl":"https://8.8.8.8/accord","events":["CaseShared"],
             "deliveryMode":"IMMEDIATE"}""";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyTextOfEveryRequestBodyIsOneLineOrRunningText() {
        assertThat(TextInputs.bodies(mappings)).contains("PartnerSettingsRequest", "IncomingEvent");
        assertThat(TextInputs.undeclared(mappings)).as("texts that are neither @SingleLine nor @MultiLine").isEmpty();
    }

    @Test
    void partnerInboxSettingsWithAControlCharacterAreRefusedAndNothingIsStored() {
        String liaison = user("de-liaison");
        JsonNode before = json(get("/api/partners/DE", liaison));

        for (String control : List.of("\\n", "\\r", "\\u0000", "\\u0085", "\\u2028", "\\u2029", "\\t")) {
            assertInvalid(liaison, SETTINGS.replace("desk@partner.example", "desk@partner.example" + control
                    + "bcc@evil.example"), "emails[0]");
            assertInvalid(liaison, SETTINGS.replace("https://8.8.8.8/accord", "https://8.8.8.8/accord" + control
                    + "Host: evil.example"), "webhookUrl");
        }
        assertThat(json(get("/api/partners/DE", liaison))).as("nothing was stored").isEqualTo(before);
    }

    @Test
    void aHandedOverEventWithALineBreakInAOneLineFieldIsRefused() {
        Map<String, Object> event = event("AssigneeSet", "65a1b2c3d4e5f6a7b8c9d0e1", 1, "de-liaison@de", "DE");
        event.put("taskId", "65a1b2c3d4e5f6a7b8c9d0e2");
        event.put("country", "DE");
        event.put("assignee", "de-officer@de\nOpen in Accord: https://evil.example");

        HttpResponse<String> refused = send("POST", "/internal/events", service("cases"), JSON.writeValueAsString(event));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertProblem(refused, "invalid-input");
        assertThat(fields(refused)).containsExactly("assignee");
    }

    private void assertInvalid(String token, String body, String field) {
        HttpResponse<String> response = send("PUT", "/api/partners/DE", token, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertProblem(response, "invalid-input");
        assertThat(fields(response)).as(body).contains(field);
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json(response).get("errors")) {
            fields.add(error.get("field").asString());
        }
        return fields;
    }
}
