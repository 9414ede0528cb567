package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import org.accord.cases.casefile.FactorScore;
import org.accord.cases.casefile.RiskAssessment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.accord.cases.audit.AccessKind;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.CaseService;
import org.accord.cases.casefile.RiskLevel;
import org.accord.cases.casefile.Revision;
import org.accord.cases.events.CaseEvent;
import org.accord.cases.access.CaseAction;
import org.accord.identity.AllianceUser;
import org.springframework.stereotype.Service;

/**
 * Assesses cases against the UN Framework of Analysis for Atrocity Crimes. Each assessment is kept; the newest sets
 * the case's risk level, and a rise to HIGH or CRITICAL records {@code CaseEscalated} in the same write.
 */
@Service
class CaseAssessments {

    private final CaseService cases;

    CaseAssessments(CaseService cases) {
        this.cases = cases;
    }

    Assessed assess(String caseId, NewAssessment request, String ifMatch, AllianceUser user) {
        List<FactorScore> scores = Arrays.stream(RiskFactor.values())
                .map(factor -> new FactorScore(factor, request.factors().get(factor).score(),
                        request.factors().get(factor).note()))
                .toList();
        String id = UUID.randomUUID().toString();
        RiskLevel level = RiskLevelRule.levelOf(scores);
        Case saved = cases.write(caseId, user, CaseAction.CONTRIBUTE, AccessKind.ADD_ASSESSMENT, ifMatch, false,
                current -> {
                    CaseService.requireRoomFor(current, current.assessments().size(), Case.MAX_ASSESSMENTS,
                            "assessments");
                    boolean escalates = RiskLevelRule.escalates(current.riskLevel(), level);
                    Case next = current.withAssessment(new RiskAssessment(id, scores,
                            RiskLevelRule.weightedScore(scores), level, escalates, user.username(), user.country(),
                            cases.now()));
                    return escalates
                            ? Revision.of(next, CaseEvent.caseEscalated(
                                    current.riskLevel() == null ? null : current.riskLevel().name(), level.name(), id))
                            : Revision.of(next);
                });
        return new Assessed(saved, saved.assessments().stream().filter(made -> made.id().equals(id)).findFirst()
                .orElseThrow());
    }

    /** The case's assessments, newest first. */
    List<RiskAssessment> history(String caseId, AllianceUser user) {
        Case found = cases.read(caseId, user, AccessKind.READ_ASSESSMENTS);
        List<RiskAssessment> newestFirst = new ArrayList<>(found.assessments());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    record Assessed(Case saved, RiskAssessment assessment) {
    }
}
