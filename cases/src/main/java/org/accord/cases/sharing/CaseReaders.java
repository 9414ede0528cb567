package org.accord.cases.sharing;

import java.util.List;

/**
 * Who may see a case now, as those who tell others of it need to know: the member countries, and for a RED case the
 * individual users (then no country as such).
 */
public record CaseReaders(List<String> countries, List<String> users) {

    public CaseReaders {
        countries = List.copyOf(countries);
        users = List.copyOf(users);
    }
}
