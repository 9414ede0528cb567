package org.accord.notifications.access;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who may see a case now, as the cases service answers it, with the few facts a message about the case carries.
 *
 * @param countries the member countries that may see the case (none for RED)
 * @param users     RED only: the users who may see it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReaders(String caseId, String title, String summary, String status, Tlp tlp,
        String originCountry, String riskLevel, List<String> countries, List<String> users) {

    public CaseReaders {
        // An answer without a label is taken at the strictest: named users in-app, nothing leaves the platform.
        tlp = tlp == null ? Tlp.RED : tlp;
        countries = countries == null ? List.of() : List.copyOf(countries);
        users = users == null ? List.of() : List.copyOf(users);
    }
}
