package org.accord.cases.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.accord.cases.CasesApi;
import org.accord.cases.casefile.NewCaseBody;
import org.accord.identity.testing.KeycloakAdmin;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A person is named by the government that vouches for them. Another government's realm can hold a user with the
 * same national username, and that user may sign in first, yet a RED case naming the first person stays theirs.
 */
class NamesakeIntegrationTest extends CasesApi {

    @Test
    void aNamesakeOfAnotherGovernmentSigningInFirstDoesNotReceiveARedCaseNamingThePerson() {
        String name = "fr-envoy-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = logins().admin();
        admin.createUser("fr", name, "envoy-fr", "officer");
        admin.createUser("de", name, "envoy-de", "officer");
        admin.createUser("de", name + "@fr", "envoy-de", "officer");
        String id = open("fr-officer", NewCaseBody.labelled("RED").title("For the envoy " + name)
                .named(name + "@fr").json()).get("id").asString();

        for (String germanName : new String[] { name, name + "@fr" }) {
            String german = logins().userToken("de", germanName, "envoy-de");
            assertThat(TokenClaims.payload(german)).contains("\"preferred_username\":\"" + germanName + "@de\"");
            assertThat(send("GET", "/api/cases/" + id, german, null).statusCode()).isEqualTo(404);
            assertThat(ids(parse(send("GET", "/api/cases?q=" + name, german, null).body()))).isEmpty();
        }

        String french = logins().userToken("fr", name, "envoy-fr");
        JsonNode seen = okJson(send("GET", "/api/cases/" + id, french, null));
        assertThat(seen.get("namedRecipients").toString()).isEqualTo("[\"" + name + "@fr\"]");
        assertThat(ids(parse(send("GET", "/api/cases?q=" + name, french, null).body()))).containsExactly(id);
    }
}
