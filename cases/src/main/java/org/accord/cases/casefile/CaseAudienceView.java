package org.accord.cases.casefile;

import java.util.List;

import org.accord.cases.sharing.CaseAudience;
import org.accord.cases.sharing.Tlp;

/**
 * What a platform service needs to tell others of a case: its headline facts and who may see it now.
 * {@code countries} is empty for a RED case, whose {@code users} are the only ones who may see it.
 */
record CaseAudienceView(String caseId, String title, String summary, CaseStatus status, Tlp tlp,
        String originCountry, RiskLevel riskLevel, List<String> countries, List<String> users) {

    static CaseAudienceView of(Case c, CaseAudience audience) {
        return new CaseAudienceView(c.id(), c.title(), c.summary(), c.status(), c.tlp(), c.originCountry(),
                c.riskLevel(), audience.countries(), audience.users());
    }
}
