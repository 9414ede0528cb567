package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accord.notifications.inbox.Inbox;
import org.accord.notifications.inbox.InboxItem;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;

/**
 * The in-app inbox: each user sees their own items and their country's, and marks them read for themselves; an item
 * is shown only while its reader still sees the case it names.
 */
class InboxIntegrationTest extends IntegrationTestSupport {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final String CASE_ONE = "65b9f0a1c2d3e4f5a6b7c801";
    private static final String CASE_TWO = "65b9f0a1c2d3e4f5a6b7c802";

    @Autowired
    Inbox inbox;

    @Autowired
    MongoOperations mongo;

    private String frOfficer;
    private String frAnalyst;
    private String usOfficer;

    @BeforeEach
    void inboxes() {
        mongo.getCollection("inbox").deleteMany(new Document());
        stubReaders(CASE_ONE, "Case one", "Summary one", "AMBER", List.of("US", "FR"), List.of());
        stubReaders(CASE_TWO, "Case two", "Summary two", "AMBER", List.of("US", "FR"), List.of());
        frOfficer = usernameIn(user("fr-officer"));
        frAnalyst = usernameIn(user("fr-analyst"));
        usOfficer = usernameIn(user("us-officer"));
        deliver("fr-country-1", "FR", null, 1);
        deliver("fr-officer-1", "FR", frOfficer, 2);
        deliver("fr-analyst-1", "FR", frAnalyst, 3);
        deliver("us-country-1", "US", null, 4);
        // The same name in another country's inbox is another person's.
        deliver("us-named-like-fr-officer", "US", frOfficer, 5);
        deliver("us-officer-1", "US", usOfficer, 6);
    }

    /** The id of the item delivered under {@code title}. */
    private final Map<String, String> ids = new HashMap<>();

    private void deliver(String title, String country, String user, int minutes) {
        String id = UUID.randomUUID().toString();
        ids.put(title, id);
        inbox.deliver(new InboxItem(id, country, user, UUID.randomUUID().toString(), "CaseShared", CASE_ONE,
                null, title, T0.plusSeconds(60L * minutes), List.of()));
    }

    @Test
    void eachUserSeesTheirOwnAndTheirCountrysItemsNewestFirst() {
        assertThat(titles(get("/api/notifications", user("fr-officer"))))
                .containsExactly("fr-officer-1", "fr-country-1");
        assertThat(titles(get("/api/notifications", user("fr-analyst"))))
                .containsExactly("fr-analyst-1", "fr-country-1");
        assertThat(titles(get("/api/notifications", user("us-officer"))))
                .containsExactly("us-officer-1", "us-country-1");
        assertThat(titles(get("/api/notifications", systems("fr")))).containsExactly("fr-country-1");

        JsonNode page = json(get("/api/notifications", user("fr-officer")));
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("scope").asString()).isEqualTo("USER");
        assertThat(page.get("items").get(1).get("scope").asString()).isEqualTo("COUNTRY");
        assertThat(page.get("items").get(1).get("read").asBoolean()).isFalse();
    }

    @Test
    void readingIsPerUserAlsoForCountryItems() {
        assertThat(unreadCount("fr-officer")).isEqualTo(2);
        for (JsonNode item : json(get("/api/notifications", user("fr-officer"))).get("items")) {
            assertThat(item.get("allowedOperations").toString()).as("every item of the inbox may be marked read")
                    .isEqualTo("[\"MARK_READ\"]");
        }

        String countryItem = "/api/notifications/" + ids.get("fr-country-1") + "/read";
        HttpResponse<String> read = send("POST", countryItem, user("fr-officer"), null);
        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(send("POST", countryItem, user("fr-officer"), null).statusCode())
                .as("reading twice is harmless").isEqualTo(204);

        assertThat(unreadCount("fr-officer")).isEqualTo(1);
        assertThat(titles(get("/api/notifications?unread=true", user("fr-officer")))).containsExactly("fr-officer-1");
        JsonNode all = json(get("/api/notifications", user("fr-officer")));
        assertThat(all.get("items").get(1).get("read").asBoolean()).isTrue();
        assertThat(all.get("items").get(1).get("allowedOperations").toString()).as("marking again succeeds too")
                .isEqualTo("[\"MARK_READ\"]");
        assertThat(unreadCount("fr-analyst")).as("the analyst has not read it").isEqualTo(2);
        assertThat(titles(get("/api/notifications?unread=true", user("fr-analyst"))))
                .containsExactly("fr-analyst-1", "fr-country-1");
    }

    @Test
    void anItemThatIsNotTheCallersAnswersLikeOneThatDoesNotExist() {
        HttpResponse<String> missing = send("POST", "/api/notifications/no-such-item/read", user("fr-officer"), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, "not-found");

        for (String other : new String[] { "fr-analyst-1", "us-country-1", "us-officer-1", "us-named-like-fr-officer" }) {
            HttpResponse<String> refused = send("POST", "/api/notifications/" + ids.get(other) + "/read", user("fr-officer"),
                    null);
            assertThat(refused.statusCode()).as(other).isEqualTo(404);
            assertThat(json(refused).get("detail")).isEqualTo(json(missing).get("detail"));
        }
        assertThat(unreadCount("fr-analyst")).isEqualTo(2);
        assertThat(unreadCount("us-officer")).isEqualTo(2);
    }

    @Test
    void pagesAreCountedOverTheWholeInbox() {
        for (int i = 0; i < 25; i++) {
            deliver("fr-bulk-" + i, "FR", null, 100 + i);
        }
        JsonNode first = json(get("/api/notifications?page=0&size=10", user("fr-officer")));
        JsonNode third = json(get("/api/notifications?page=2&size=10", user("fr-officer")));

        assertThat(first.get("totalItems").asLong()).isEqualTo(27);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(10);
        assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("fr-bulk-24");
        assertThat(third.get("items").size()).isEqualTo(7);
        assertThat(third.get("items").get(6).get("title").asString()).isEqualTo("fr-country-1");
    }

    @Test
    void pagingOutsideItsLimitsIsRefused() {
        for (String query : new String[] { "size=0", "size=101", "page=-1", "size=ten" }) {
            HttpResponse<String> response = get("/api/notifications?" + query, user("fr-officer"));
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertProblem(response, "invalid-input");
        }
    }

    @Test
    void platformServicesHaveNoInbox() {
        HttpResponse<String> response = get("/api/notifications", service("cases"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
    }

    @Test
    void inboxReadsFollowAnIndexThatStartsWithTheReadersCountryAndName() {
        List<Document> keys = new ArrayList<>();
        mongo.getCollection("inbox").listIndexes().forEach(index -> keys.add(index.get("key", Document.class)));

        assertThat(keys).anySatisfy(key -> assertThat(new ArrayList<>(key.keySet()))
                .containsExactly("country", "user", "createdAt"));
        assertThat(keys).anySatisfy(key -> assertThat(new ArrayList<>(key.keySet()))
                .containsExactly("eventId", "country", "user"));
    }

    @Test
    void anEventReachesAnInboxOnceHoweverOftenItIsDelivered() {
        String eventId = UUID.randomUUID().toString();
        for (String id : new String[] { "first-copy", "second-copy" }) {
            inbox.deliver(new InboxItem(id, "FR", null, eventId, "CaseEscalated", CASE_TWO, null, id,
                    T0.plusSeconds(3600), List.of()));
        }

        assertThat(titles(get("/api/notifications", user("fr-officer"))))
                .containsExactly("first-copy", "fr-officer-1", "fr-country-1");
    }

    @Test
    void anItemAboutACaseItsCountryNoLongerSeesIsWithdrawnWhenReadAndNeverShownAgain() {
        String caseId = newCaseId();
        stubReaders(caseId, "Narrowed", "Summary", "AMBER", List.of("US", "FR"), List.of());
        inbox.deliver(new InboxItem("fr-narrowed", "FR", null, UUID.randomUUID().toString(), "CaseUpdated", caseId,
                null, "Case updated: Narrowed", T0.plusSeconds(3600), List.of()));
        assertThat(titles(get("/api/notifications", user("fr-analyst")))).contains("Case updated: Narrowed");

        stubReaders(caseId, "Narrowed", "Summary", "AMBER", List.of("US"), List.of());
        HttpResponse<String> after = get("/api/notifications", user("fr-officer"));
        assertThat(after.body()).doesNotContain("Narrowed").doesNotContain("fr-narrowed");
        assertThat(json(after).get("totalItems").asLong()).isEqualTo(2);

        stubReaders(caseId, "Narrowed", "Summary", "AMBER", List.of("US", "FR"), List.of());
        assertThat(get("/api/notifications", user("fr-analyst")).body()).as("withdrawn for good")
                .doesNotContain("fr-narrowed");
        assertThat(send("POST", "/api/notifications/fr-narrowed/read", user("fr-analyst"), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anItemAboutACaseRelabelledRedIsShownOnlyToTheUsersCasesNames() {
        String caseId = newCaseId();
        inbox.deliver(new InboxItem("fr-relabelled", "FR", null, UUID.randomUUID().toString(), "CaseUpdated",
                caseId, null, "Case updated: Relabelled", T0.plusSeconds(3600), List.of()));
        inbox.deliver(new InboxItem("fr-officer-relabelled", "FR", frOfficer, UUID.randomUUID().toString(),
                "AssigneeSet", caseId, null, "Assignee named: Relabelled", T0.plusSeconds(3600), List.of()));
        stubReaders(caseId, "Relabelled", "Summary", "RED", List.of(), List.of(usOfficer, frOfficer));

        assertThat(titles(get("/api/notifications", user("fr-analyst")))).doesNotContain("Case updated: Relabelled");
        assertThat(titles(get("/api/notifications", user("fr-officer"))))
                .contains("Assignee named: Relabelled").doesNotContain("Case updated: Relabelled");
    }

    private long unreadCount(String username) {
        HttpResponse<String> response = get("/api/notifications/unread-count", user(username));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("unread").asLong();
    }

    private static List<String> titles(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode item : json(response).get("items")) {
            titles.add(item.get("title").asString());
        }
        return titles;
    }
}
