package org.accord.cases.access;

import static org.accord.identity.testing.AccessTables.assertInternalCalls;
import static org.accord.identity.testing.AccessTables.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.CaseMother;
import org.accord.cases.sharing.Access;
import org.accord.cases.sharing.CaseReaders;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.AllianceUser;
import org.accord.identity.AllianceUsername;
import org.accord.identity.CountryRegistry;
import org.accord.identity.CountryRegistryProperties;
import org.accord.identity.InternalClient;
import org.accord.identity.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The TLP rules as a table: one case per label, opened by fr-officer@fr and shared with CA (READ) and the group EU
 * (CONTRIBUTE), naming gb-analyst@gb. Each caller must find exactly the expected cases through the query criteria and
 * through the single-document check.
 */
class CaseAccessPolicyTest {

    private static final CountryRegistry REGISTRY = CountryRegistry.of(new CountryRegistryProperties(null, null));

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static List<Case> cases;

    private final CaseAccessPolicy policy = new CaseAccessPolicy(REGISTRY);

    @BeforeAll
    static void openOneCasePerLabel() {
        client = MongoClients.create(EmbeddedMongo.shared().uri("policy"));
        mongo = new MongoTemplate(client, "policy");
        mongo.remove(new Query(), Case.class);
        cases = EnumSet.allOf(Tlp.class).stream()
                .map(tlp -> mongo.insert(CaseMother.opened("fr-officer@fr", "FR", tlp,
                        List.of(SharingEntry.country("CA", Access.READ), SharingEntry.group("EU", Access.CONTRIBUTE)),
                        List.of("gb-analyst@gb"))))
                .toList();
        // A case of another originator that nobody in the table is related to, except through CLEAR.
        mongo.insert(CaseMother.opened("gb-officer@gb", "GB", Tlp.AMBER, List.of(), List.of()));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "{0}: {1} of {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # relation                        | user          | country | CLEAR | GREEN | AMBER | AMBER_STRICT | RED
            owner                             | fr-officer@fr | FR      | true  | true  | true  | true         | true
            originating country, not an owner | fr-liaison@fr | FR      | true  | true  | true  | true         | false
            country listed READ               | ca-officer@ca | CA      | true  | true  | true  | true         | false
            country in a listed group         | de-analyst@de | DE      | true  | true  | true  | true         | false
            unlisted member country           | us-officer@us | US      | true  | true  | false | false        | false
            named recipient, another country  | gb-analyst@gb | GB      | true  | true  | false | false        | true
            the recipient's name, another IdP | gb-analyst@de | DE      | true  | true  | true  | true         | false
            country outside the alliance      | xx-officer    | RU      | false | false | false | false        | false
            """)
    void queryAndCheckAgreeWithTheTable(String relation, String username, String country, boolean clear,
            boolean green, boolean amber, boolean amberStrict, boolean red) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of("officer"));
        Set<Tlp> expected = EnumSet.noneOf(Tlp.class);
        if (clear) {
            expected.add(Tlp.CLEAR);
        }
        if (green) {
            expected.add(Tlp.GREEN);
        }
        if (amber) {
            expected.add(Tlp.AMBER);
        }
        if (amberStrict) {
            expected.add(Tlp.AMBER_STRICT);
        }
        if (red) {
            expected.add(Tlp.RED);
        }

        Set<Tlp> found = mongo.find(new Query(policy.visibleTo(user)), Case.class).stream()
                .filter(c -> c.originCountry().equals("FR"))
                .map(Case::tlp)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Tlp.class)));
        Set<Tlp> allowed = cases.stream().filter(c -> policy.canSee(c, user)).map(Case::tlp)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Tlp.class)));

        assertThat(found).as("found through the query criteria").isEqualTo(expected);
        assertThat(allowed).as("allowed by the single-document check").isEqualTo(expected);
        assertThat(mongo.count(new Query(policy.visibleTo(user)), Case.class))
                .as("the count matches what the caller may see")
                .isEqualTo(expected.size() + (country.equals("GB") ? 1 : 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # label      | countries that may see it | users named for it
            CLEAR        | CA DE FR GB US            |
            GREEN        | CA DE FR GB US            |
            AMBER        | CA DE FR                  |
            AMBER_STRICT | CA DE FR                  |
            RED          |                           | fr-officer@fr gb-analyst@gb
            """)
    void theReadersNowAreWhoMaySeeTheCase(Tlp tlp, String countries, String users) {
        Case labelled = cases.stream().filter(c -> c.tlp() == tlp).findFirst().orElseThrow();

        CaseReaders readers = policy.readersNow(labelled);

        assertThat(readers.countries()).as("countries").containsExactlyElementsOf(words(countries));
        assertThat(readers.users()).as("users").containsExactlyElementsOf(words(users));
        // The same answer as the single-case check, for every member country's officer and the named users.
        for (String country : REGISTRY.members()) {
            AllianceUser officer = new AllianceUser("s", AllianceUsername.of(country + "-liaison", country), country,
                    Set.of("liaison"));
            assertThat(readers.countries().contains(country)).as("%s sees it", country)
                    .isEqualTo(policy.canSee(labelled, officer));
        }
        for (String user : readers.users()) {
            assertThat(policy.canSee(labelled, new AllianceUser("s", user, "US", Set.of("analyst")))).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} widened to ALLIES")
    @CsvSource({ "AMBER", "AMBER_STRICT" })
    void aGroupOnTheListCountsWithItsMembersNow(Tlp tlp) {
        Case shared = CaseMother.opened("us-officer@us", "US", tlp,
                List.of(SharingEntry.group("NORTH_AMERICA", Access.READ), SharingEntry.country("GB", Access.READ)),
                List.of());
        Case toAllies = CaseMother.opened("us-officer@us", "US", tlp,
                List.of(SharingEntry.group(CountryRegistry.ALLIES, Access.READ)), List.of());

        assertThat(policy.readersNow(shared).countries()).containsExactly("CA", "GB", "US");
        assertThat(policy.readersNow(toAllies).countries()).containsExactly("CA", "DE", "FR", "GB", "US");
        assertThat(policy.readersNow(shared).users()).isEmpty();
    }

    /**
     * What each role of each relation to the case may do with it, for every label ({@link CaseOperationsTable}): the
     * operations answered are exactly those the policy grants the call for, on an open and on a closed case, and
     * nothing on a case the caller does not see.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = CaseOperationsTable.ROWS)
    void allowedOperationsAreExactlyTheGrantedCalls(String relation, String username, String country, String role,
            String labels, String onOpen, String onClosed) {
        // the table names people as their national login forms do; the platform knows them by their alliance names
        AllianceUser user = new AllianceUser("subject-" + username, AllianceUsername.of(username, country), country,
                Set.of(role));
        for (Case labelled : cases) {
            for (boolean closed : new boolean[] { false, true }) {
                String state = closed ? "closed" : "open";
                List<CaseOperation> expected = words(labels).contains(labelled.tlp().name())
                        ? words(closed ? onClosed : onOpen).stream().map(CaseOperation::valueOf).toList()
                        : List.of();
                List<CaseOperation> answered = policy.allowedOperations(labelled, closed, user);

                assertThat(answered).as("%s on a %s %s case", username, state, labelled.tlp())
                        .containsExactlyElementsOf(expected);
                for (CaseOperation operation : CaseOperation.values()) {
                    boolean granted = operation.appliesTo(closed)
                            && policy.decide(labelled, user, operation.right()).granted();
                    assertThat(answered.contains(operation))
                            .as("%s %s on a %s %s case is answered as the call is decided", username, operation,
                                    state, labelled.tlp())
                            .isEqualTo(granted);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} of {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fr-officer | FR | officer | OPEN
            fr-liaison | FR | liaison | OPEN
            fr-analyst | FR | analyst |
            xx-officer | RU | officer |
            """)
    void theCaseListOffersOpeningACaseExactlyWhenItIsAllowed(String username, String country, String role,
            String operations) {
        AllianceUser user = new AllianceUser("subject-" + username, username, country, Set.of(role));
        boolean mayOpen;
        try {
            policy.checkMayOpenCase(user);
            mayOpen = true;
        } catch (ActionNotAllowedException refused) {
            mayOpen = false;
        }

        List<CaseListOperation> answered = policy.allowedListOperations(user);

        assertThat(answered).containsExactlyElementsOf(words(operations).stream().map(CaseListOperation::valueOf)
                .toList());
        assertThat(answered.contains(CaseListOperation.OPEN)).isEqualTo(mayOpen);
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # client      | roles                                   | internal calls granted
            TASKS         | POST_ACTION_EVENTS READ_CASE_AUDIENCE   | READ_CASE_AUDIENCE
            NOTIFICATIONS | READ_CASE_AUDIENCE READ_ACTION_PARTIES  | READ_CASE_AUDIENCE
            CASES         | POST_CASE_EVENTS                        | -
            OPERATORS     | OPERATOR                                | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            CASES         | READ_CASE_AUDIENCE OPERATOR             | -
            OPERATORS     | READ_CASE_AUDIENCE OPERATOR             | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            NOTIFICATIONS | OPERATOR                                | -
            TASKS         | -                                       | -
            NOTIFICATIONS | -                                       | -
            OPERATORS     | -                                       | -
            """)
    void eachInternalCallIsOpenToItsClientsHoldingItsRole(InternalClient client, String roles, String granted) {
        assertInternalCalls(CaseAccessPolicy.InternalCall.class, CaseAccessPolicy.INTERNAL_CALLS::mayCall, policy::checkMayCall,
                client, roles, granted);
    }
}
