package org.accord.tasks.cases;

import java.util.Collection;
import java.util.List;

import org.accord.identity.CountryRegistry;
import org.springframework.stereotype.Component;

/**
 * Which countries a case reaches, by the TLP rules the cases service applies: CLEAR and GREEN every member; AMBER and
 * AMBER_STRICT the originating country and the countries and groups on the sharing list; RED named people only, never
 * a country as a whole.
 * <p>
 * Tasks needs this only to refuse addressing an action to a country that cannot see its case; whether the caller
 * sees a case is always asked of cases itself. A label this class does not know reaches nobody.
 */
@Component
public class CaseAudience {

    private final CountryRegistry registry;

    public CaseAudience(CountryRegistry registry) {
        this.registry = registry;
    }

    /**
     * The countries among {@code countries} that cannot see the case. The requesting country is taken to see it,
     * since cases has just shown the case to one of its users: on a RED case it is the only one.
     */
    public List<String> unableToSee(CaseFacts facts, Collection<String> countries, String requestingCountry) {
        return countries.stream().filter(country -> !sees(facts, country, requestingCountry)).toList();
    }

    private boolean sees(CaseFacts facts, String country, String requestingCountry) {
        if (!registry.isMember(country)) {
            return false;
        }
        if (country.equals(requestingCountry)) {
            return true;
        }
        return switch (facts.tlp() == null ? "" : facts.tlp()) {
            case "CLEAR", "GREEN" -> true;
            case "AMBER", "AMBER_STRICT" -> country.equals(facts.originCountry())
                    || facts.sharedWith().stream().anyMatch(entry -> reaches(entry, country));
            default -> false;
        };
    }

    private boolean reaches(CaseFacts.SharedWith entry, String country) {
        return country.equals(entry.country())
                || entry.group() != null && registry.expand(entry.group()).contains(country);
    }
}
