package org.accord.cases.casefile;

import org.accord.cases.access.CaseAction;
import org.accord.cases.audit.AccessAudit;
import org.accord.cases.audit.AccessKind;
import org.accord.cases.audit.AuditOutcome;
import org.accord.cases.audit.AuditPage;
import org.accord.cases.audit.ChainVerification;
import org.accord.identity.AllianceUser;
import org.accord.support.id.CaseId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The access audit of a case, for the originating country alone; to everyone else it does not exist. */
@RestController
@RequestMapping("/api/cases/{caseId}/audit")
class AuditController {

    private final CaseService cases;
    private final AccessAudit audit;

    AuditController(CaseService cases, AccessAudit audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @GetMapping
    AuditPage page(@PathVariable CaseId caseId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size, AllianceUser user) {
        opened(caseId.value(), user, AccessKind.READ_AUDIT);
        return audit.page(caseId.value(), page, size);
    }

    @GetMapping("/verification")
    ChainVerification verification(@PathVariable CaseId caseId, AllianceUser user) {
        opened(caseId.value(), user, AccessKind.VERIFY_AUDIT);
        return audit.verify(caseId.value());
    }

    /** Looking at the audit is itself recorded in it. */
    private void opened(String caseId, AllianceUser user, AccessKind action) {
        var found = cases.authorize(caseId, user, CaseAction.READ_AUDIT, action);
        audit.record(caseId, user, action, AuditOutcome.GRANTED, found.version());
    }
}
