package org.accord.notifications.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.accord.identity.AllianceUser;
import org.accord.identity.testing.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The notifications service's access rules as tables: whose inbox items each caller finds (and which of them are
 * unread) through the policy's query criteria, and who manages a country's partner settings and reads its delivery
 * log.
 */
class NotificationAccessPolicyTest {

    private static final String ITEMS = "items";
    private static final String DELIVERIES = "deliveries";

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final NotificationAccessPolicy policy = new NotificationAccessPolicy();

    @BeforeAll
    static void storeItemsAndDeliveries() {
        client = MongoClients.create(EmbeddedMongo.shared().uri("notification-policy"));
        mongo = new MongoTemplate(client, "notification-policy");
        mongo.dropCollection(ITEMS);
        mongo.dropCollection(DELIVERIES);
        item("france", "FR", null, "fr-officer@fr");
        item("fr-officer", "FR", "fr-officer@fr");
        item("fr-liaison", "FR", "fr-liaison@fr");
        item("germany", "DE", null);
        // A RED case's item names its user alone, by the alliance username that carries the user's identity provider;
        // an item of another country naming a user is not that user's.
        item("red-gb-analyst", null, "gb-analyst@gb");
        item("red-fr-officer", null, "fr-officer@fr", "fr-officer@fr");
        item("de-names-fr-officer", "DE", "fr-officer@fr");
        mongo.insert(new Document("_id", "fr-delivery").append("country", "FR"), DELIVERIES);
        mongo.insert(new Document("_id", "de-delivery").append("country", "DE"), DELIVERIES);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "{0} of {1} sees {2}, unread {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # user        | country | items                            | unread
            fr-officer@fr | FR      | france fr-officer red-fr-officer | fr-officer
            fr-liaison@fr | FR      | france fr-liaison                | france fr-liaison
            de-analyst@de | DE      | germany                          | germany
            gb-analyst@gb | GB      | red-gb-analyst                   | red-gb-analyst
            us-officer@us | US      |                                  |
            fr-officer@de | DE      | germany                          | germany
            """)
    void eachCallerFindsOnlyTheItemsOfTheTable(String username, String country, String items, String unread) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of("officer"));

        assertThat(idsOf(policy.inboxOf(user), ITEMS)).containsExactlyInAnyOrderElementsOf(ids(items));
        assertThat(idsOf(policy.unreadInboxOf(user), ITEMS)).containsExactlyInAnyOrderElementsOf(ids(unread));
    }

    @ParameterizedTest(name = "{0} of {1} with {2} on {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # user          | country | role    | partner | manages
            fr-liaison      | FR      | liaison | FR      | true
            fr-officer      | FR      | officer | FR      | false
            fr-analyst      | FR      | analyst | FR      | false
            fr-systems      | FR      | officer | FR      | false
            de-liaison      | DE      | liaison | FR      | false
            fr-liaison      | FR      | liaison | DE      | false
            fr-liaison      | FR      | liaison | fr      | false
            """)
    void onlyTheCountrysLiaisonsManageItsPartnerInboxAndReadItsDeliveryLog(String username, String country,
            String role, String partner, boolean manages) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of(role));

        assertThat(policy.mayManagePartner(user, partner)).isEqualTo(manages);
        assertThat(policy.deliveriesOf(user, partner).map(criteria -> idsOf(criteria, DELIVERIES)))
                .isEqualTo(manages ? Optional.of(List.of(partner.toLowerCase() + "-delivery"))
                        : Optional.empty());
    }

    private static void item(String id, String country, String user, String... readBy) {
        mongo.insert(new Document("_id", id).append(NotificationAccessPolicy.COUNTRY, country)
                .append(NotificationAccessPolicy.USER, user)
                .append(NotificationAccessPolicy.READ_BY, Arrays.asList(readBy)), ITEMS);
    }

    private static List<String> idsOf(Criteria criteria, String collection) {
        return mongo.find(new Query(criteria), Document.class, collection).stream()
                .map(found -> found.getString("_id")).toList();
    }

    private static List<String> ids(String listed) {
        return listed == null || listed.isBlank() ? List.of() : List.of(listed.trim().split("\\s+"));
    }
}
