package org.accord.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.types.ObjectId;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case as the cases service would answer it, and the countries whose users it answers it to: everybody else gets
 * 404. The visible countries are stated by the test, not derived by tasks' own rules.
 */
public final class StubCase {

    public static final List<String> MEMBERS = List.of("CA", "DE", "FR", "GB", "US");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String id;
    private final String tlp;
    private final String originCountry;
    private final List<String[]> sharedWith = new ArrayList<>();
    private final Set<String> visibleTo = new LinkedHashSet<>();

    private StubCase(String id, String tlp, String originCountry) {
        this.id = id;
        this.tlp = tlp;
        this.originCountry = originCountry;
        this.visibleTo.add(originCountry);
    }

    /** An AMBER case of {@code origin} shared with {@code countries}: seen by exactly those. */
    public static StubCase amber(String origin, String... countries) {
        StubCase stub = new StubCase(new ObjectId().toHexString(), "AMBER", origin);
        for (String country : countries) {
            stub.sharedWith.add(new String[] { "country", country });
            stub.visibleTo.add(country);
        }
        return stub;
    }

    /** A GREEN case: every member sees it. */
    public static StubCase green(String origin) {
        StubCase stub = new StubCase(new ObjectId().toHexString(), "GREEN", origin);
        stub.visibleTo.addAll(MEMBERS);
        return stub;
    }

    /** An AMBER case shared with a group, seen by the origin and {@code members} of that group. */
    public static StubCase amberSharedWithGroup(String origin, String group, String... members) {
        StubCase stub = new StubCase(new ObjectId().toHexString(), "AMBER", origin);
        stub.sharedWith.add(new String[] { "group", group });
        stub.visibleTo.addAll(List.of(members));
        return stub;
    }

    /** The same case after its originator narrowed the sharing to {@code countries}. */
    public StubCase narrowedTo(String... countries) {
        StubCase narrowed = new StubCase(id, tlp, originCountry);
        for (String country : countries) {
            narrowed.sharedWith.add(new String[] { "country", country });
            narrowed.visibleTo.add(country);
        }
        return narrowed;
    }

    /** The same case, now hidden from everybody (as if deleted or relabelled RED for others). */
    public StubCase hiddenFromEverybody() {
        StubCase hidden = new StubCase(id, tlp, originCountry);
        hidden.visibleTo.clear();
        return hidden;
    }

    public String id() {
        return id;
    }

    public Set<String> visibleTo() {
        return Set.copyOf(visibleTo);
    }

    /** Cases' answer to who sees the case now: its visible countries, in the registry's order. */
    public String readersJson() {
        ObjectNode body = JSON.createObjectNode();
        body.put("caseId", id);
        body.put("title", "Case " + id);
        body.put("tlp", tlp);
        body.put("originCountry", originCountry);
        ArrayNode countries = body.putArray("countries");
        MEMBERS.stream().filter(visibleTo::contains).forEach(countries::add);
        body.putArray("users");
        return body.toString();
    }

    public String json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("title", "Case " + id);
        body.put("summary", "");
        body.put("situationCountry", "SD");
        body.put("status", "MONITORING");
        body.put("tlp", tlp);
        ArrayNode entries = body.putArray("sharedWith");
        for (String[] entry : sharedWith) {
            entries.addObject().put(entry[0], entry[1]).put("access", "READ");
        }
        body.putArray("namedRecipients");
        body.putArray("owners").add(originCountry.toLowerCase() + "-officer@" + originCountry.toLowerCase());
        body.putArray("tags");
        body.put("originCountry", originCountry);
        body.putNull("riskLevel");
        body.put("createdBy", originCountry.toLowerCase() + "-officer@" + originCountry.toLowerCase());
        body.put("createdAt", "2026-01-05T10:00:00Z");
        body.put("updatedBy", originCountry.toLowerCase() + "-officer@" + originCountry.toLowerCase());
        body.put("updatedAt", "2026-01-05T10:00:00Z");
        body.put("version", 0);
        body.putArray("entries");
        return body.toString();
    }
}
