package org.accord.tasks.access;

import static org.accord.identity.testing.AccessTables.assertInternalCalls;
import static org.accord.identity.testing.AccessTables.user;
import static org.accord.identity.testing.AccessTables.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.accord.identity.AccessDecision.Outcome;
import org.accord.identity.CountryRegistry;
import org.accord.identity.CountryRegistryProperties;
import org.accord.identity.InternalClient;
import org.accord.tasks.action.Action;
import org.accord.tasks.action.ActionOperation;
import org.accord.tasks.action.ActionType;
import org.accord.tasks.action.AllowedOperations;
import org.accord.tasks.action.AssignmentOperation;
import org.accord.tasks.action.Priority;
import org.accord.tasks.cases.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tasks' access rules as tables: what each role of each country party to an action may do with it, and the internal
 * calls each platform client is granted with the roles its account holds, or with roles it should not hold. A call
 * needs both the client it is meant for and its role.
 */
class ActionAccessPolicyTest {

    /** An open action FR requested of DE and GB, every assignment still proposed. */
    private static final Action REQUESTED_OF_DE_AND_GB = Action.proposed("action-1", "case-1",
            ActionType.DIPLOMATIC_DEMARCHE, "Title", "Description", "FR", Instant.parse("2030-01-01T00:00:00Z"),
            Priority.NORMAL, List.of("DE", "GB"), "fr-officer@fr", Instant.parse("2029-01-01T00:00:00Z"));

    private final ActionAccessPolicy policy = new ActionAccessPolicy(
            CountryRegistry.of(new CountryRegistryProperties(null, null)), null, null);

    /**
     * Each row decides every call a party may make on the action it sees, and the operations answered with the action
     * are exactly the granted calls that its state allows (a proposed assignment is accepted or declined, not started).
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            # relation               | user       | country | role    | edit or cancel | comment   | move DE's | name DE's assignee | on the action       | on DE's assignment
            requesting, officer      | fr-officer | FR      | officer | GRANTED        | GRANTED   | FORBIDDEN | FORBIDDEN          | EDIT CANCEL COMMENT |
            requesting, liaison      | fr-liaison | FR      | liaison | GRANTED        | GRANTED   | FORBIDDEN | FORBIDDEN          | EDIT CANCEL COMMENT |
            requesting, analyst      | fr-analyst | FR      | analyst | FORBIDDEN      | FORBIDDEN | FORBIDDEN | FORBIDDEN          |                     |
            addressed, officer       | de-officer | DE      | officer | FORBIDDEN      | GRANTED   | GRANTED   | FORBIDDEN          | COMMENT             | ACCEPT DECLINE
            addressed, liaison       | de-liaison | DE      | liaison | FORBIDDEN      | GRANTED   | GRANTED   | GRANTED            | COMMENT             | ACCEPT DECLINE ASSIGN
            addressed, analyst       | de-analyst | DE      | analyst | FORBIDDEN      | FORBIDDEN | FORBIDDEN | FORBIDDEN          |                     |
            other addressed, liaison | gb-liaison | GB      | liaison | FORBIDDEN      | GRANTED   | FORBIDDEN | FORBIDDEN          | COMMENT             |
            """)
    void eachCallIsDecidedAndAnsweredAsTheTableSays(String relation, String username, String country, String role,
            Outcome edit, Outcome comment, Outcome move, Outcome nameAssignee, String onAction, String onAssignment) {
        Caller caller = new Caller(user(username + "@" + country.toLowerCase(Locale.ROOT), country, role), "token");

        assertThat(policy.editing(REQUESTED_OF_DE_AND_GB, caller).outcome()).as("edit").isEqualTo(edit);
        assertThat(policy.commenting(caller).outcome()).as("comment").isEqualTo(comment);
        assertThat(policy.moving("DE", caller).outcome()).as("move").isEqualTo(move);
        assertThat(policy.namingAssignee("DE", caller).outcome()).as("name the assignee").isEqualTo(nameAssignee);
        AllowedOperations answered = policy.allowedOperations(REQUESTED_OF_DE_AND_GB, caller);
        assertThat(answered.action()).as("on the action")
                .containsExactlyElementsOf(words(onAction).stream().map(ActionOperation::valueOf).toList());
        assertThat(answered.assignments().get("DE")).as("on DE's assignment")
                .containsExactlyElementsOf(words(onAssignment).stream().map(AssignmentOperation::valueOf).toList());
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # client      | roles                                   | internal calls granted
            NOTIFICATIONS | READ_CASE_AUDIENCE READ_ACTION_PARTIES  | READ_ACTION_PARTIES
            CASES         | POST_CASE_EVENTS                        | -
            TASKS         | POST_ACTION_EVENTS READ_CASE_AUDIENCE   | -
            OPERATORS     | OPERATOR                                | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            CASES         | READ_ACTION_PARTIES OPERATOR            | -
            TASKS         | READ_ACTION_PARTIES                     | -
            OPERATORS     | READ_ACTION_PARTIES OPERATOR            | LIST_PARKED_EVENTS REDRIVE_PARKED_EVENT
            NOTIFICATIONS | OPERATOR                                | -
            NOTIFICATIONS | -                                       | -
            OPERATORS     | -                                       | -
            """)
    void eachInternalCallIsOpenToItsClientsHoldingItsRole(InternalClient client, String roles, String granted) {
        assertInternalCalls(ActionAccessPolicy.InternalCall.class, ActionAccessPolicy.INTERNAL_CALLS::mayCall, policy::checkMayCall,
                client, roles, granted);
    }
}
