package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who may call what, as the platform's one rule says, for every kind of caller the alliance realm can vouch for: the
 * client its token was issued to ({@code azp}), its country and its realm roles. The services and the gateway ask
 * exactly these questions.
 */
class AllianceTokensTest {

    private static final String ISSUER = "http://localhost:8180/realms/alliance";

    private final AllianceTokens tokens = new AllianceTokens(new AllianceIdentityProperties(ISSUER, null, null, null),
            CountryRegistry.of(new CountryRegistryProperties(null, null)));

    @ParameterizedTest(name = "{0}: known {5}, /api/me {6}, /api/** {7}, /internal/** {8}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # caller                    | client               | cc | roles                     | known | me    | api   | internal
            officer through the gateway | accord-gateway       | FR | officer                   | true  | true  | true  | false
            liaison through the gateway | accord-gateway       | DE | liaison                   | true  | true  | true  | false
            analyst through the gateway | accord-gateway       | US | analyst                   | true  | true  | true  | false
            user without a role         | accord-gateway       | FR | -                         | true  | true  | false | false
            user with other roles only  | accord-gateway       | FR | offline_access            | true  | true  | false | false
            user of a non-member        | accord-gateway       | RU | officer                   | true  | false | false | false
            user without a country      | accord-gateway       | -  | officer                   | true  | false | false | false
            partner system              | fr-systems           | FR | officer                   | true  | true  | true  | false
            partner, another country    | fr-systems           | DE | officer                   | true  | false | false | false
            partner without a role      | gb-systems           | GB | -                         | true  | true  | false | false
            partner of a non-member     | ru-systems           | RU | officer                   | false | false | false | false
            cases service               | accord-cases         | -  | post-case-events          | true  | false | false | true
            tasks service               | accord-tasks         | -  | post-action-events read-case-audience | true | false | false | true
            notifications service       | accord-notifications | -  | read-case-audience        | true  | false | false | true
            operators                   | accord-operators     | -  | operator                  | true  | false | false | true
            service without a role      | accord-notifications | -  | -                         | true  | false | false | true
            service with a country      | accord-tasks         | FR | read-case-audience officer | true | false | false | true
            gateway with operator role  | accord-gateway       | -  | operator                  | true  | false | false | false
            partner with operator role  | us-systems           | US | operator officer          | true  | true  | true  | false
            another client              | reporting            | FR | officer                   | false | false | false | false
            another, operator role      | reporting            | -  | operator                  | false | false | false | false
            no client named             | -                    | FR | officer                   | false | false | false | false
            """)
    void eachCallerReachesExactlyWhatTheRuleSays(String caller, String client, String country, String roles,
            boolean known, boolean me, boolean api, boolean internal) {
        Jwt jwt = token(client, country, roles);

        assertThat(tokens.validator().validate(jwt).hasErrors()).as("refused as a token").isEqualTo(!known);
        assertThat(tokens.mayAskWhoTheyAre(jwt)).as("GET /api/me").isEqualTo(me);
        assertThat(tokens.mayUseTheApi(jwt)).as("/api/**").isEqualTo(api);
        assertThat(tokens.mayCallInternal(jwt)).as("/internal/**").isEqualTo(internal);
    }

    @ParameterizedTest(name = "{0} with roles {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            accord-cases         | post-case-events offline_access | CASES         | POST_CASE_EVENTS
            accord-tasks         | post-action-events read-case-audience | TASKS | POST_ACTION_EVENTS READ_CASE_AUDIENCE
            accord-notifications | read-case-audience read-action-parties | NOTIFICATIONS | READ_CASE_AUDIENCE READ_ACTION_PARTIES
            accord-operators     | operator                        | OPERATORS     | OPERATOR
            accord-notifications | -                               | NOTIFICATIONS | -
            """)
    void anInternalCallerIsItsClientWithThePlatformRolesItHolds(String client, String roles, InternalClient expected,
            String platformRoles) {
        InternalCaller caller = tokens.internalCaller(token(client, null, roles)).orElseThrow();

        assertThat(caller.client()).isEqualTo(expected);
        assertThat(caller.recordedAs()).isEqualTo("service:" + client);
        assertThat(caller.roles()).containsExactlyInAnyOrderElementsOf(platformRoles == null ? List.of()
                : Arrays.stream(platformRoles.split(" ")).map(PlatformRole::valueOf).toList());
    }

    @ParameterizedTest(name = "{0} with clients {1} / {2} / {3}: known {4}")
    @CsvSource(delimiter = '|', textBlock = """
            web-login      | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | true
            partner-ca     | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | true
            svc-notes      | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | true
            ops            | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | true
            accord-gateway | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | false
            accord-cases   | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | false
            ca-systems     | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | false
            partner-ru     | web-login | partner-{cc}  | svc-cases svc-tasks svc-notes ops | false
            """)
    void theKnownClientsAreConfigurable(String client, String login, String partnerSystems, String internal,
            boolean known) {
        String[] own = internal.split(" ");
        AllianceTokens configured = new AllianceTokens(new AllianceIdentityProperties(ISSUER, null, null,
                new KnownClients(List.of(login), partnerSystems, own[0], own[1], own[2], own[3])),
                CountryRegistry.of(new CountryRegistryProperties(null, null)));

        assertThat(configured.validator().validate(token(client, "CA", "officer")).hasErrors()).isEqualTo(!known);
    }

    private static Jwt token(String client, String country, String roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("unsigned").header("alg", "RS256")
                .issuer(ISSUER).subject("subject").audience(List.of("accord"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim("preferred_username", "someone@fr")
                .claim("realm_access", Map.of("roles", roles == null ? List.of() : List.of(roles.split(" "))));
        if (client != null) {
            jwt.claim("azp", client);
        }
        if (country != null) {
            jwt.claim(AllianceUser.COUNTRY_CLAIM, country);
        }
        return jwt.build();
    }
}
