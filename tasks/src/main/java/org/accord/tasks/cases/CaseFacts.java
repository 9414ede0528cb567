package org.accord.tasks.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What tasks reads of a case as the cases service shows it to the caller: its id and the facts its readers follow
 * from. Everything else in the case stays with cases.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseFacts(String id, String tlp, String originCountry, List<SharedWith> sharedWith,
        List<String> namedRecipients, List<String> owners) {

    public CaseFacts {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        namedRecipients = namedRecipients == null ? List.of() : List.copyOf(namedRecipients);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    /** One line of the case's sharing list: a member country or a group of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SharedWith(String country, String group, String access) {
    }
}
