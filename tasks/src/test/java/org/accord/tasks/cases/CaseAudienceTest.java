package org.accord.tasks.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.identity.CountryRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which countries a case reaches, by its TLP label and sharing, as cases shows them. */
class CaseAudienceTest {

    private static final List<String> EVERY_MEMBER = List.of("US", "CA", "GB", "FR", "DE");

    private final CaseAudience audience = new CaseAudience(new CountryRegistry(
            Map.of("US", "United States", "CA", "Canada", "GB", "United Kingdom", "FR", "France", "DE", "Germany"),
            Map.of("EU", List.of("FR", "DE"), "NORTH_AMERICA", List.of("US", "CA"))));

    private static CaseFacts.SharedWith country(String code) {
        return new CaseFacts.SharedWith(code, null, "READ");
    }

    private static CaseFacts.SharedWith group(String name) {
        return new CaseFacts.SharedWith(null, name, "CONTRIBUTE");
    }

    private static CaseFacts caseOf(String tlp, String origin, CaseFacts.SharedWith... sharedWith) {
        return new CaseFacts("c1", tlp, origin, List.of(sharedWith), List.of("us-analyst@us"), List.of("fr-officer@fr"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(caseOf("CLEAR", "FR"), "FR", List.of()),
                Arguments.of(caseOf("GREEN", "FR"), "US", List.of()),
                Arguments.of(caseOf("AMBER", "FR"), "FR", List.of("US", "CA", "GB", "DE")),
                Arguments.of(caseOf("AMBER", "FR", country("CA")), "FR", List.of("US", "GB", "DE")),
                Arguments.of(caseOf("AMBER_STRICT", "FR", country("CA"), country("GB")), "FR", List.of("US", "DE")),
                Arguments.of(caseOf("AMBER", "FR", group("EU")), "FR", List.of("US", "CA", "GB")),
                Arguments.of(caseOf("AMBER", "FR", group("NORTH_AMERICA"), country("GB")), "CA", List.of("DE")),
                Arguments.of(caseOf("AMBER", "FR", group("ALLIES")), "US", List.of()),
                Arguments.of(caseOf("AMBER", "FR", group("NATO")), "FR", List.of("US", "CA", "GB", "DE")),
                Arguments.of(caseOf("RED", "FR"), "FR", List.of("US", "CA", "GB", "DE")),
                Arguments.of(caseOf("RED", "FR"), "US", List.of("CA", "GB", "FR", "DE")),
                Arguments.of(caseOf("PURPLE", "FR", group("ALLIES")), "FR", List.of("US", "CA", "GB", "DE")),
                Arguments.of(caseOf(null, "FR"), "FR", List.of("US", "CA", "GB", "DE")));
    }

    @ParameterizedTest(name = "{0} proposed by {1}: {2} cannot see it")
    @MethodSource("cases")
    void onlyCountriesTheCaseReachesCanBeAddressed(CaseFacts facts, String requestingCountry, List<String> blind) {
        assertThat(audience.unableToSee(facts, EVERY_MEMBER, requestingCountry))
                .containsExactlyElementsOf(blind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCountryOutsideTheAllianceIsNeverReached(CaseFacts facts, String requestingCountry) {
        assertThat(audience.unableToSee(facts, List.of("CN"), requestingCountry)).containsExactly("CN");
    }
}
