package org.accord.notifications.access;

import static org.accord.identity.testing.AccessTables.assertInternalCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.accord.identity.AllianceUser;
import org.accord.identity.InternalClient;
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
        // An item about a RED case's action is for named users of the countries party to the action only.
        mongo.insert(new Document("_id", "red-action-fr-de").append(NotificationAccessPolicy.COUNTRY, null)
                .append(NotificationAccessPolicy.USER, "fr-officer@fr")
                .append(NotificationAccessPolicy.PARTIES, List.of("FR", "DE"))
                .append(NotificationAccessPolicy.READ_BY, List.of()), ITEMS);
        mongo.insert(new Document("_id", "red-action-us-de").append(NotificationAccessPolicy.COUNTRY, null)
                .append(NotificationAccessPolicy.USER, "fr-officer@fr")
                .append(NotificationAccessPolicy.PARTIES, List.of("US", "DE"))
                .append(NotificationAccessPolicy.READ_BY, List.of()), ITEMS);
        // Withdrawn once a reader was found no longer to see its case: shown to nobody.
        mongo.insert(new Document("_id", "withdrawn-france").append(NotificationAccessPolicy.COUNTRY, "FR")
                .append(NotificationAccessPolicy.USER, null).append(NotificationAccessPolicy.READ_BY, List.of())
                .append(NotificationAccessPolicy.WITHDRAWN_AT, new Date()), ITEMS);
        mongo.insert(new Document("_id", "fr-delivery").append("country", "FR"), DELIVERIES);
        mongo.insert(new Document("_id", "de-delivery").append("country", "DE"), DELIVERIES);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "{0} of {1} sees {2}, unread {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # user        | country | items                                             | unread
            fr-officer@fr | FR      | france fr-officer red-fr-officer red-action-fr-de | fr-officer red-action-fr-de
            fr-liaison@fr | FR      | france fr-liaison                                 | france fr-liaison
            de-analyst@de | DE      | germany                                           | germany
            gb-analyst@gb | GB      | red-gb-analyst                                    | red-gb-analyst
            us-officer@us | US      |                                                   |
            fr-officer@de | DE      | germany                                           | germany
            """)
    void eachCallerFindsOnlyTheItemsOfTheTable(String username, String country, String items, String unread) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of("officer"));

        assertThat(idsOf(policy.inboxOf(user), ITEMS)).containsExactlyInAnyOrderElementsOf(ids(items));
        assertThat(idsOf(policy.unreadInboxOf(user), ITEMS)).containsExactlyInAnyOrderElementsOf(ids(unread));
    }

    @ParameterizedTest(name = "{0} of {1} with {2} on {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # user     | country | role    | partner | manages
            fr-liaison | FR      | liaison | FR      | true
            fr-officer | FR      | officer | FR      | false
            fr-analyst | FR      | analyst | FR      | false
            fr-systems | FR      | officer | FR      | false
            de-liaison | DE      | liaison | FR      | false
            fr-liaison | FR      | liaison | DE      | false
            fr-liaison | FR      | liaison | fr      | false
            """)
    void onlyTheCountrysLiaisonsManageItsPartnerInboxAndReadItsDeliveryLog(String username, String country,
            String role, String partner, boolean manages) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of(role));

        assertThat(policy.mayManagePartner(user, partner)).isEqualTo(manages);
        assertThat(policy.deliveriesOf(user, partner).map(criteria -> idsOf(criteria, DELIVERIES)))
                .isEqualTo(manages ? Optional.of(List.of(partner.toLowerCase() + "-delivery"))
                        : Optional.empty());
    }

    @ParameterizedTest(name = "{0} of {1} with {2} on {3}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # user     | country | role    | partner | delivery redrivable | partner operations                    | delivery operations
            fr-liaison | FR      | liaison | FR      | true                | UPDATE ROTATE_SECRET READ_DELIVERIES | REDRIVE
            fr-liaison | FR      | liaison | FR      | false               | UPDATE ROTATE_SECRET READ_DELIVERIES |
            fr-officer | FR      | officer | FR      | true                |                                      |
            fr-analyst | FR      | analyst | FR      | true                |                                      |
            fr-systems | FR      | officer | FR      | true                |                                      |
            de-liaison | DE      | liaison | FR      | true                |                                      |
            fr-liaison | FR      | liaison | DE      | true                |                                      |
            """)
    void theOperationsAnsweredOnAPartnerInboxAreThoseItsManagersMayCall(String username, String country,
            String role, String partner, boolean redrivable, String partnerOperations, String deliveryOperations) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of(role));

        assertThat(policy.partnerOperations(user, partner)).containsExactlyElementsOf(
                ids(partnerOperations).stream().map(PartnerOperation::valueOf).toList());
        assertThat(policy.deliveryOperations(user, partner, redrivable)).containsExactlyElementsOf(
                ids(deliveryOperations).stream().map(DeliveryOperation::valueOf).toList());
        // Answered exactly as the calls are decided: the settings and the log exist only for those who manage them.
        assertThat(!policy.partnerOperations(user, partner).isEmpty())
                .isEqualTo(policy.mayManagePartner(user, partner));
        assertThat(policy.partnerOperations(user, partner).contains(PartnerOperation.READ_DELIVERIES))
                .isEqualTo(policy.deliveriesOf(user, partner).isPresent());
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fr-officer | FR | officer
            fr-analyst | FR | analyst
            gb-analyst | GB | analyst
            """)
    void everyItemOfTheCallersInboxMayBeMarkedRead(String username, String country, String role) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of(role));

        assertThat(policy.inboxItemOperations(user)).containsExactly(InboxItemOperation.MARK_READ);
    }

    @ParameterizedTest(name = "{1} case shared with {2}, users {3}: {0} partners {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # to | tlp          | countries | users         | withheld because
            DE   | AMBER        | US DE     |               |
            DE   | GREEN        | US DE     |               |
            DE   | CLEAR        | US DE     |               |
            DE   | AMBER_STRICT | US DE     |               |
            DE   | AMBER        | US        |               | the case is no longer shared with DE
            DE   | AMBER_STRICT | US FR     |               | the case is no longer shared with DE
            DE   | RED          |           | de-officer@de | the case is now TLP:RED, which never leaves the platform
            DE   | GONE         |           |               | the case no longer exists
            """)
    void partnerSystemsAreSentOnlyWhatTheirCountrySeesNow(String country, String tlp, String countries,
            String users, String because) {
        assertThat(policy.withheldFromPartner(country, readers(tlp, countries, users)))
                .isEqualTo(Optional.ofNullable(because));
    }

    @ParameterizedTest(name = "{0} of {1} reading a {2} item of a {3} case shared with {4}, users {5}: {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # reader      | country | item    | tlp          | countries | users         | still sees
            de-officer@de | DE      | COUNTRY | AMBER        | US DE     |               | true
            de-officer@de | DE      | USER    | AMBER        | US DE     |               | true
            de-officer@de | DE      | COUNTRY | AMBER_STRICT | US DE     |               | true
            de-officer@de | DE      | COUNTRY | GREEN        | US DE     |               | true
            de-officer@de | DE      | COUNTRY | AMBER        | US        |               | false
            de-officer@de | DE      | USER    | AMBER        | US        |               | false
            de-officer@de | DE      | COUNTRY | RED          |           | de-officer@de | false
            de-officer@de | DE      | USER    | RED          |           | de-officer@de | true
            de-officer@de | DE      | USER    | RED          |           | us-officer@us | false
            de-officer@de | DE      | COUNTRY | GONE         |           |               | false
            de-officer@de | DE      | USER    | GONE         |           |               | false
            """)
    void inboxItemsAreShownOnlyWhileTheirReaderStillSeesTheCase(String username, String country, String item,
            String tlp, String countries, String users, boolean stillSees) {
        AllianceUser reader = new AllianceUser("subject-" + username, username, country, Set.of("officer"));

        assertThat(policy.mayStillSee(reader, item.equals("COUNTRY"), readers(tlp, countries, users)))
                .isEqualTo(stillSees);
    }

    /** Cases' answer of who sees a case now; {@code GONE} for a case cases no longer has. */
    private static Optional<CaseReaders> readers(String tlp, String countries, String users) {
        return tlp.equals("GONE") ? Optional.empty()
                : Optional.of(new CaseReaders("case-1", "Title", "Summary", "MONITORING", Tlp.valueOf(tlp), "US",
                        "HIGH", ids(countries), ids(users)));
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

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # client      | roles                                  | internal calls granted
            CASES         | POST_CASE_EVENTS                       | POST_CASE_EVENT
            TASKS         | POST_ACTION_EVENTS READ_CASE_AUDIENCE  | POST_ACTION_EVENT
            NOTIFICATIONS | READ_CASE_AUDIENCE READ_ACTION_PARTIES | -
            OPERATORS     | OPERATOR                               | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            CASES         | POST_ACTION_EVENTS                     | -
            TASKS         | POST_CASE_EVENTS                       | -
            TASKS         | POST_CASE_EVENTS POST_ACTION_EVENTS    | POST_ACTION_EVENT
            NOTIFICATIONS | POST_CASE_EVENTS POST_ACTION_EVENTS OPERATOR | -
            OPERATORS     | POST_CASE_EVENTS POST_ACTION_EVENTS OPERATOR | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            CASES         | OPERATOR                               | -
            CASES         | -                                      | -
            TASKS         | -                                      | -
            OPERATORS     | -                                      | -
            """)
    void eachInternalCallIsOpenToItsClientsHoldingItsRole(InternalClient client, String roles, String granted) {
        assertInternalCalls(NotificationAccessPolicy.InternalCall.class, NotificationAccessPolicy.INTERNAL_CALLS::mayCall, policy::checkMayCall,
                client, roles, granted);
    }
}
