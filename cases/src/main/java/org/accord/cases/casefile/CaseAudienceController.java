package org.accord.cases.casefile;

import org.accord.identity.InternalCaller;
import org.accord.support.id.CaseId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may see a case now, for the platform's services that address or notify people (tasks when it proposes an
 * action, notifications at every disclosure), as the access policy lets them. The gateway never routes it.
 */
@RestController
class CaseAudienceController {

    private final CaseService cases;

    CaseAudienceController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/internal/cases/{id}/audience")
    CaseAudienceView audience(@PathVariable CaseId id, InternalCaller caller) {
        return cases.audience(id.value(), caller);
    }
}
