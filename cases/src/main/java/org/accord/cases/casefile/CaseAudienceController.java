package org.accord.cases.casefile;

import org.accord.support.id.CaseId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may see a case now, for the platform's services (notifications asks at delivery time). {@code /internal/**}
 * takes only tokens with role {@code service}, and the gateway never routes it.
 */
@RestController
class CaseAudienceController {

    private final CaseService cases;

    CaseAudienceController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/internal/cases/{id}/audience")
    CaseAudienceView audience(@PathVariable CaseId id) {
        return cases.audience(id.value());
    }
}
