package org.accord.cases.casefile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for {@code POST /api/cases}: a valid case to start from, and the edits a test needs. */
final class NewCaseBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode body = JSON.createObjectNode();

    private NewCaseBody(String tlp) {
        body.put("title", "Militia build-up around El Fasher");
        body.put("summary", "Reports of armed groups encircling displacement camps.");
        body.put("situationCountry", "SD");
        body.put("tlp", tlp);
        body.putArray("sharedWith");
        body.putArray("namedRecipients");
        body.putArray("tags").add("darfur");
    }

    static NewCaseBody labelled(String tlp) {
        return new NewCaseBody(tlp);
    }

    static NewCaseBody amberSharedWith(String country) {
        return labelled("AMBER").sharedWithCountry(country, "READ");
    }

    NewCaseBody title(String title) {
        body.put("title", title);
        return this;
    }

    NewCaseBody sharedWithCountry(String country, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("country", country).put("access", access);
        return this;
    }

    NewCaseBody sharedWithGroup(String group, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("group", group).put("access", access);
        return this;
    }

    NewCaseBody sharedWith(String country, String group, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("country", country).put("group", group)
                .put("access", access);
        return this;
    }

    NewCaseBody set(String field, String value) {
        body.put(field, value);
        return this;
    }

    NewCaseBody set(String field, JsonNode value) {
        body.set(field, value);
        return this;
    }

    NewCaseBody without(String field) {
        body.remove(field);
        return this;
    }

    NewCaseBody repeat(String arrayField, String value, int times) {
        ArrayNode array = body.putArray(arrayField);
        for (int i = 0; i < times; i++) {
            array.add(value + i);
        }
        return this;
    }

    String json() {
        return JSON.writeValueAsString(body);
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
