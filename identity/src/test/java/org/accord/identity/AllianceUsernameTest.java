package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which names are alliance usernames of a member country, the only form in which the platform names a person. */
class AllianceUsernameTest {

    private static final CountryRegistry REGISTRY = CountryRegistry.of(new CountryRegistryProperties(null, null));

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            fr-officer@fr         | FR   | true
            ca-liaison@ca         | CA   | true
            fr-officer@fr@de      | DE   | true
            fr-officer@cn         | CN   | false
            fr-officer            | null | false
            @fr                   | null | false
            FR-Officer@FR         | null | false
            fr-officer@FR         | null | false
            'fr-officer@fr '      | null | false
            fr-officer@fra        | null | false
            fr-officer@f1         | null | false
            service-account-fr-systems | null | false
            """)
    void namesCarryTheCountryOfTheirIdentityProvider(String name, String country, boolean member) {
        assertThat(AllianceUsername.parse(name).map(AllianceUsername::country).orElse(null)).isEqualTo(country);
        assertThat(REGISTRY.isMemberUsername(name)).isEqualTo(member);
    }

    @ParameterizedTest
    @CsvSource({ "fr-officer, FR, fr-officer@fr", "De-Liaison, DE, de-liaison@de" })
    void aNationalNameAndItsCountryMakeTheAllianceUsername(String national, String country, String expected) {
        assertThat(AllianceUsername.of(national, country)).isEqualTo(expected);
    }
}
