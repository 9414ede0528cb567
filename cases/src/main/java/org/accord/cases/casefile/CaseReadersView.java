package org.accord.cases.casefile;

import java.util.List;

import org.accord.cases.sharing.CaseReaders;
import org.accord.cases.sharing.Tlp;

/**
 * What a platform service needs to tell others of a case: its headline facts and who may see it now.
 * {@code countries} is empty for a RED case, whose {@code users} are the only ones who may see it.
 */
record CaseReadersView(String caseId, String title, String summary, CaseStatus status, Tlp tlp,
        String originCountry, RiskLevel riskLevel, List<String> countries, List<String> users) {

    static CaseReadersView of(Case c, CaseReaders readers) {
        return new CaseReadersView(c.id(), c.title(), c.summary(), c.status(), c.tlp(), c.originCountry(),
                c.riskLevel(), readers.countries(), readers.users());
    }
}
