package org.accord.cases.casefile;

import java.time.Instant;
import java.util.List;

import org.accord.cases.access.CaseOperation;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.AllianceUser;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case as the API shows it; a single case comes with its timeline as the caller may see it, a listed one without.
 * Both carry the operations the caller may perform on it, as the access policy decides them.
 */
record CaseView(String id, String title, String summary, String situationCountry, CaseStatus status, Tlp tlp,
        List<SharingEntry> sharedWith, List<String> namedRecipients, List<String> owners, List<String> tags,
        String originCountry, RiskLevel riskLevel, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt, long version, List<CaseOperation> allowedOperations,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EntryView> entries) {

    static CaseView of(Case c, AllianceUser viewer, List<CaseOperation> allowedOperations) {
        return withEntries(c, allowedOperations, EntryView.timelineOf(c.entries(), viewer));
    }

    static CaseView listed(Case c, List<CaseOperation> allowedOperations) {
        return withEntries(c, allowedOperations, null);
    }

    private static CaseView withEntries(Case c, List<CaseOperation> allowedOperations, List<EntryView> entries) {
        return new CaseView(c.id(), c.title(), c.summary(), c.situationCountry(), c.status(), c.tlp(), c.sharedWith(),
                c.namedRecipients(), c.owners(), c.tags(), c.originCountry(), c.riskLevel(), c.createdBy(),
                c.createdAt(), c.updatedBy(), c.updatedAt(), c.version(), allowedOperations, entries);
    }
}
