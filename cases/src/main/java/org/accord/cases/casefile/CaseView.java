package org.accord.cases.casefile;

import java.time.Instant;
import java.util.List;

import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;

/** A case as the API shows it. */
record CaseView(String id, String title, String summary, String situationCountry, CaseStatus status, Tlp tlp,
        List<SharingEntry> sharedWith, List<String> namedRecipients, List<String> owners, List<String> tags,
        String originCountry, RiskLevel riskLevel, String createdBy, Instant createdAt, String updatedBy,
        Instant updatedAt, long version) {

    static CaseView of(Case c) {
        return new CaseView(c.id(), c.title(), c.summary(), c.situationCountry(), c.status(), c.tlp(), c.sharedWith(),
                c.namedRecipients(), c.owners(), c.tags(), c.originCountry(), c.riskLevel(), c.createdBy(),
                c.createdAt(), c.updatedBy(), c.updatedAt(), c.version());
    }
}
