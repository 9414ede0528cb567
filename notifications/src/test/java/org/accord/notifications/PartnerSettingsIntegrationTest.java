package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;

/** A country's partner inbox settings: its liaisons' alone, validated, with a secret shown once. */
class PartnerSettingsIntegrationTest extends IntegrationTestSupport {

    private static final String VALID = """
            {"emails":["desk@partner.example"],"webhookUrl":"https://8.8.8.8/accord","events":["CaseShared"],
             "deliveryMode":"IMMEDIATE"}""";

    @Autowired
    MongoOperations mongo;

    /** Who asks, about which country, and what they get, for every partner endpoint and the delivery log. */
    private record Case(String caller, String country, int expected) {
    }

    @Test
    void onlyTheCountrysLiaisonsReachItsSettingsAndEveryoneElseFindsNothing() {
        List<Case> table = List.of(
                new Case("fr-liaison", "FR", 200),
                new Case("fr-liaison", "DE", 404),
                new Case("fr-liaison", "XX", 404),
                new Case("fr-liaison", "fr", 404),
                new Case("fr-officer", "FR", 404),
                new Case("fr-analyst", "FR", 404),
                new Case("de-liaison", "FR", 404),
                new Case("de-liaison", "DE", 200),
                new Case("de-officer", "DE", 404),
                new Case("systems:fr", "FR", 404),
                new Case("service:cases", "FR", 403));
        for (Case c : table) {
            String token = token(c.caller());
            String base = "/api/partners/" + c.country();
            List<HttpResponse<String>> responses = List.of(get(base, token), send("PUT", base, token, VALID),
                    send("POST", base + "/webhook-secret", token, null), get(base + "/deliveries", token),
                    get(base + "/deliveries?status=PARKED&page=0&size=5", token));
            if (c.expected() == 200) {
                // What the settings answer the caller may do are exactly the calls that succeed for them.
                assertThat(json(responses.get(0)).get("allowedOperations").toString())
                        .isEqualTo("[\"UPDATE\",\"ROTATE_SECRET\",\"READ_DELIVERIES\"]");
                assertThat(json(responses.get(1)).get("allowedOperations"))
                        .isEqualTo(json(responses.get(0)).get("allowedOperations"));
            }
            for (HttpResponse<String> response : responses) {
                assertThat(response.statusCode()).as("%s %s %s", c.caller(), response.request().method(),
                        response.uri()).isEqualTo(c.expected());
                if (c.expected() == 404) {
                    assertProblem(response, "not-found");
                    assertThat(response.body()).doesNotContain("desk@partner.example");
                }
            }
            // A delivery that is not in the caller's log is not found, whether the log is the caller's or not.
            HttpResponse<String> redrive = send("POST", base + "/deliveries/0123456789abcdef01234567/redrive", token,
                    null);
            assertThat(redrive.statusCode()).as("%s redrive %s", c.caller(), c.country())
                    .isEqualTo(c.expected() == 200 ? 404 : c.expected());
        }
    }

    @Test
    void liaisonsReplaceTheirSettingsAndReadThemBack() {
        String liaison = user("gb-liaison");
        HttpResponse<String> empty = get("/api/partners/GB", liaison);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(json(empty).get("emails").size()).isZero();
        assertThat(json(empty).get("deliveryMode").asString()).isEqualTo("IMMEDIATE");

        HttpResponse<String> put = send("PUT", "/api/partners/GB", liaison, """
                {"emails":["desk@fco.example","night@fco.example"],"webhookUrl":"https://8.8.4.4/hooks/accord",
                 "events":["CaseShared","CaseEscalated","ActionOverdue"],"deliveryMode":"HOURLY_DIGEST"}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode read = json(get("/api/partners/GB", liaison));
        assertThat(read.get("country").asString()).isEqualTo("GB");
        assertThat(strings(read.get("emails"))).containsExactly("desk@fco.example", "night@fco.example");
        assertThat(read.get("webhookUrl").asString()).isEqualTo("https://8.8.4.4/hooks/accord");
        assertThat(strings(read.get("events"))).containsExactly("CaseShared", "CaseEscalated", "ActionOverdue");
        assertThat(read.get("deliveryMode").asString()).isEqualTo("HOURLY_DIGEST");
        assertThat(read.get("updatedBy").asString()).isEqualTo(usernameIn(liaison));

        HttpResponse<String> withoutWebhook = send("PUT", "/api/partners/GB", liaison,
                "{\"emails\":[],\"events\":[],\"deliveryMode\":\"IMMEDIATE\"}");
        assertThat(withoutWebhook.statusCode()).isEqualTo(200);
        assertThat(json(withoutWebhook).get("webhookUrl").isNull()).isTrue();
    }

    @Test
    void invalidSettingsAreRefusedNamingTheField() {
        String liaison = user("ca-liaison");
        assertInvalid(liaison, VALID.replace("desk@partner.example", "not-an-address"), "emails[0]");
        assertInvalid(liaison, VALID.replace("desk@partner.example", "desk@partner"), "emails[0]");
        assertInvalid(liaison, VALID.replace("\"CaseShared\"", "\"CaseDeleted\""), "events[0]");
        assertInvalid(liaison, VALID.replace("IMMEDIATE", "WEEKLY"), "deliveryMode");
        assertInvalid(liaison, VALID.replace("\"deliveryMode\":\"IMMEDIATE\"", "\"deliveryMode\":null"), "deliveryMode");
        assertInvalid(liaison, VALID.replace("{", "{\"secret\":\"mine\","), "secret");
        for (String url : new String[] { "http://8.8.8.8/accord", "https://127.0.0.1/accord",
                "https://169.254.169.254/latest", "https://10.0.0.1/", "https://2130706433/",
                "https://0x7f000001/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://198.18.0.1/",
                "https://192.0.2.1/", "https://240.0.0.1/", "https://[64:ff9b::a00:1]/", "https://[2002:a00:1::]/",
                "https://[2001:db8::1]/", "https://[3fff::1]/" }) {
            assertInvalid(liaison, VALID.replace("https://8.8.8.8/accord", url), "webhookUrl");
        }
        assertThat(json(get("/api/partners/CA", liaison)).get("emails").size()).as("nothing was stored").isZero();
    }

    @Test
    void theWebhookSecretIsShownOnceAndStoredSealed() {
        String liaison = user("us-liaison");
        HttpResponse<String> rotated = send("POST", "/api/partners/US/webhook-secret", liaison, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        String secret = json(rotated).get("secret").asString();
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);

        HttpResponse<String> read = get("/api/partners/US", liaison);
        assertThat(read.body()).doesNotContain(secret);
        assertThat(json(read).get("webhookSecretSet").asBoolean()).isTrue();
        HttpResponse<String> afterPut = send("PUT", "/api/partners/US", liaison, VALID);
        assertThat(afterPut.body()).doesNotContain(secret);
        assertThat(json(afterPut).get("webhookSecretSet").asBoolean()).as("settings keep the secret").isTrue();

        Document stored = mongo.getCollection("partners").find(new Document("_id", "US")).first();
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(stored.getString("sealedWebhookSecret")).isNotBlank();

        String next = json(send("POST", "/api/partners/US/webhook-secret", liaison, null)).get("secret").asString();
        assertThat(next).isNotEqualTo(secret);
    }

    private void assertInvalid(String token, String body, String field) {
        HttpResponse<String> response = send("PUT", "/api/partners/CA", token, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertProblem(response, "invalid-input");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json(response).get("errors")) {
            fields.add(error.get("field").asString());
        }
        assertThat(fields).as(body).contains(field);
    }

    private String token(String caller) {
        if (caller.startsWith("systems:")) {
            return systems(caller.substring("systems:".length()));
        }
        if (caller.startsWith("service:")) {
            return service(caller.substring("service:".length()));
        }
        return user(caller);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }
}
