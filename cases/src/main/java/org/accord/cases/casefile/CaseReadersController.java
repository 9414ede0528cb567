package org.accord.cases.casefile;

import org.accord.identity.InternalCaller;
import org.accord.support.id.CaseId;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may see a case now, for the platform's services that address or notify people (tasks when it proposes an
 * action, notifications at every disclosure), as the access policy lets them. The gateway never routes it. The older
 * address {@code /internal/cases/{id}/audience} answers the same, for services built against it.
 */
@RestController
class CaseReadersController {

    private final CaseService cases;

    CaseReadersController(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping({"/internal/cases/{id}/readers", "/internal/cases/{id}/audience"})
    CaseReadersView readers(@PathVariable CaseId id, InternalCaller caller) {
        return cases.readers(id.value(), caller);
    }
}
