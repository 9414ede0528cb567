package org.accord.cases.casefile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for {@code POST /api/cases}: a valid case to start from, and the edits a test needs. */
public final class NewCaseBody {

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

    public static NewCaseBody labelled(String tlp) {
        return new NewCaseBody(tlp);
    }

    public static NewCaseBody amberSharedWith(String country) {
        return labelled("AMBER").sharedWithCountry(country, "READ");
    }

    public NewCaseBody title(String title) {
        body.put("title", title);
        return this;
    }

    public NewCaseBody sharedWithCountry(String country, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("country", country).put("access", access);
        return this;
    }

    public NewCaseBody sharedWithGroup(String group, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("group", group).put("access", access);
        return this;
    }

    public NewCaseBody sharedWith(String country, String group, String access) {
        ((ArrayNode) body.get("sharedWith")).addObject().put("country", country).put("group", group)
                .put("access", access);
        return this;
    }

    public NewCaseBody set(String field, String value) {
        body.put(field, value);
        return this;
    }

    public NewCaseBody set(String field, JsonNode value) {
        body.set(field, value);
        return this;
    }

    public NewCaseBody without(String field) {
        body.remove(field);
        return this;
    }

    public NewCaseBody repeat(String arrayField, String value, int times) {
        ArrayNode array = body.putArray(arrayField);
        for (int i = 0; i < times; i++) {
            array.add(value + i);
        }
        return this;
    }

    public NewCaseBody named(String... usernames) {
        ArrayNode named = (ArrayNode) body.get("namedRecipients");
        for (String username : usernames) {
            named.add(username);
        }
        return this;
    }

    public NewCaseBody tagged(String... tags) {
        ArrayNode array = body.putArray("tags");
        for (String tag : tags) {
            array.add(tag);
        }
        return this;
    }

    /** The body of {@code PUT /api/cases/{id}/sharing} that gives the case this body's audience. */
    public String sharingJson() {
        ObjectNode sharing = JSON.createObjectNode();
        sharing.set("tlp", body.get("tlp"));
        sharing.set("sharedWith", body.get("sharedWith"));
        sharing.set("namedRecipients", body.get("namedRecipients"));
        return JSON.writeValueAsString(sharing);
    }

    public String json() {
        return JSON.writeValueAsString(body);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
