package org.accord.tasks.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.identity.CountryRegistry;
import org.accord.identity.CountryRegistryProperties;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.PlatformRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The internal calls of tasks as a table: each platform client with the roles its account holds, or with roles it
 * should not hold, and the calls the policy grants it. A call needs both the client it is meant for and its role.
 */
class ActionAccessPolicyTest {

    private final ActionAccessPolicy policy = new ActionAccessPolicy(
            CountryRegistry.of(new CountryRegistryProperties(null, null)), null, null);

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
        InternalCaller caller = new InternalCaller(client, "accord-" + client.name().toLowerCase(Locale.ROOT),
                words(roles).stream().map(PlatformRole::valueOf).collect(Collectors.toSet()));
        Set<ActionAccessPolicy.InternalCall> expected = words(granted).stream()
                .map(ActionAccessPolicy.InternalCall::valueOf).collect(Collectors.toSet());

        for (ActionAccessPolicy.InternalCall call : ActionAccessPolicy.InternalCall.values()) {
            assertThat(policy.mayCall(caller, call)).as(call.name()).isEqualTo(expected.contains(call));
            if (expected.contains(call)) {
                policy.checkMayCall(caller, call);
            } else {
                assertThatThrownBy(() -> policy.checkMayCall(caller, call)).as(call.name())
                        .isInstanceOf(InternalCallRefusedException.class);
            }
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }
}
