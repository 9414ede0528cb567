package org.accord.tasks.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.accord.tasks.ActionBody;
import org.accord.tasks.StubCase;
import org.accord.tasks.TasksApi;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Which countries an action may be addressed to is cases' answer, asked with tasks' own token, never tasks' reading
 * of the case's label and sharing list: a group only cases knows counts with the members cases names, and a country
 * cases does not name is refused.
 */
class AddressedCountriesIntegrationTest extends TasksApi {

    @Test
    void aCountryCasesSaysSeesTheCaseIsAddressedWhateverTasksMakesOfTheSharingList() {
        // Shared with a group tasks' registry does not know; cases says Great Britain is in it.
        StubCase stubCase = cases.publish(StubCase.amberSharedWithGroup("FR", "ATROCITY_PREVENTION", "GB"));

        HttpResponse<String> proposed = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(stubCase.id()).to("GB").json());

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(cases.readersCallsAbout(stubCase.id())).as("cases was asked who sees the case").isPositive();
    }

    @Test
    void aCountryCasesDoesNotNameIsRefusedByName() {
        StubCase stubCase = cases.publish(StubCase.amber("FR", "US"));

        HttpResponse<String> refused = as("fr-officer", "POST", "/api/tasks",
                ActionBody.on(stubCase.id()).to("US", "DE", "CA").json());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertProblem(refused, "country-cannot-see-case");
        JsonNode countries = parse(refused.body()).get("countries");
        assertThat(countries.size()).isEqualTo(2);
        assertThat(countries.get(0).asString()).isEqualTo("DE");
        assertThat(countries.get(1).asString()).isEqualTo("CA");
    }
}
