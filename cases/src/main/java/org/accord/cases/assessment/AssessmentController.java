package org.accord.cases.assessment;

import java.util.List;

import org.accord.identity.AllianceUser;
import org.accord.support.id.CaseId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/cases/{caseId}/assessments")
class AssessmentController {

    private final CaseAssessments assessments;

    AssessmentController(CaseAssessments assessments) {
        this.assessments = assessments;
    }

    /** A case's assessment history, newest first. */
    record History(List<AssessmentView> items, int totalItems) {
    }

    @PostMapping
    ResponseEntity<AssessmentView> assess(@PathVariable CaseId caseId, @Valid @RequestBody NewAssessment request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        CaseAssessments.Assessed assessed = assessments.assess(caseId.value(), request, ifMatch, user);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(assessed.saved().etag())
                .body(AssessmentView.of(assessed.assessment()));
    }

    @GetMapping
    History history(@PathVariable CaseId caseId, AllianceUser user) {
        List<AssessmentView> items = assessments.history(caseId.value(), user).stream().map(AssessmentView::of).toList();
        return new History(items, items.size());
    }
}
