package org.accord.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The body of {@code POST /api/tasks}, valid unless a test spoils it. */
public final class ActionBody {

    private final ObjectNode body = TasksApi.JSON.createObjectNode();

    private ActionBody(String caseId) {
        body.put("caseId", caseId);
        body.put("type", "SANCTIONS_DESIGNATION");
        body.put("title", "Designate the commanders of the militia");
        body.put("description", "Asset freezes and travel bans under each country's regime.");
        body.put("dueDate", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("priority", "HIGH");
        body.putArray("countries");
    }

    public static ActionBody on(String caseId) {
        return new ActionBody(caseId);
    }

    public ActionBody to(String... countries) {
        ArrayNode list = body.putArray("countries");
        for (String country : countries) {
            list.add(country);
        }
        return this;
    }

    public ActionBody type(String type) {
        body.put("type", type);
        return this;
    }

    public ActionBody title(String title) {
        body.put("title", title);
        return this;
    }

    public ActionBody set(String field, String value) {
        body.put(field, value);
        return this;
    }

    public ActionBody set(String field, JsonNode value) {
        body.set(field, value);
        return this;
    }

    public ActionBody without(String field) {
        body.remove(field);
        return this;
    }

    public String json() {
        return body.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
