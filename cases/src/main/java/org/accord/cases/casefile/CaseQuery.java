package org.accord.cases.casefile;

import java.util.Map;
import java.util.regex.Pattern;

import org.accord.cases.sharing.Tlp;
import org.springframework.data.domain.Sort;

/**
 * What a caller asks of the case list: optional filters, text to look for, one page in one order. {@code q} is literal
 * text, matched case-insensitively in title, summary and tags; it is quoted before it reaches the database, so no
 * character in it acts as a pattern.
 */
record CaseQuery(CaseStatus status, String situationCountry, Tlp tlp, RiskLevel riskLevel, String q, int page,
        int size, String sort) {

    /** API sort names and the stored fields that order them; status and risk level sort by workflow and severity. */
    static final Map<String, String> SORTABLE = Map.of(
            "updatedAt", "updatedAt",
            "createdAt", "createdAt",
            "title", "title",
            "riskLevel", "riskRank",
            "status", "statusRank");

    static final String SORT_PATTERN = "(updatedAt|createdAt|title|riskLevel|status)(,(asc|desc))?";

    /** The order to page in, with the id last so that equal values still page stably. */
    Sort order() {
        String[] parts = sort.split(",");
        String field = SORTABLE.get(parts[0]);
        boolean ascending = parts.length > 1 ? parts[1].equals("asc") : parts[0].equals("title");
        Sort.Direction direction = ascending ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(new Sort.Order(direction, field), new Sort.Order(direction, "_id"));
    }

    Pattern text() {
        return q == null || q.isBlank() ? null
                : Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
    }
}
