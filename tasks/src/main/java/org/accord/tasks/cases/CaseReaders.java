package org.accord.tasks.cases;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Who may see a case now, as the cases service answers it ({@code GET /internal/cases/{id}/readers}): the member
 * countries that see it; none for a RED case, which only named people see. Tasks never works this out itself.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseReaders(String caseId, List<String> countries) {

    public CaseReaders {
        countries = countries == null ? List.of() : List.copyOf(countries);
    }
}
