package org.accord.notifications.fanout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An action as tasks keeps it: the case it is on, the requesting country and the addressed countries. The events of
 * an action reach these parties, never those an event names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ActionParties(String actionId, String caseId, String requestingCountry, List<String> countries) {

    ActionParties {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** The requesting and the addressed countries. */
    Set<String> all() {
        Set<String> parties = new LinkedHashSet<>();
        if (requestingCountry != null) {
            parties.add(requestingCountry);
        }
        parties.addAll(countries);
        return parties;
    }
}
