package org.accord.cases.timeline;

import org.accord.cases.casefile.EntryView;
import java.util.List;

import org.accord.cases.casefile.Case;
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
@RequestMapping("/api/cases/{caseId}/entries")
class TimelineController {

    private final CaseTimeline timeline;

    TimelineController(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    /** The timeline of a case, each entry as the caller may see it. */
    record Timeline(List<EntryView> items, int totalItems) {
    }

    @PostMapping
    ResponseEntity<EntryView> add(@PathVariable CaseId caseId, @Valid @RequestBody NewEntry request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        CaseTimeline.Added added = timeline.add(caseId.value(), request, ifMatch, user);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(added.saved().etag())
                .body(EntryView.of(added.entry(), user));
    }

    @GetMapping
    ResponseEntity<Timeline> timeline(@PathVariable CaseId caseId, AllianceUser user) {
        Case found = timeline.read(caseId.value(), user);
        List<EntryView> items = EntryView.timelineOf(found.entries(), user);
        return ResponseEntity.ok().eTag(found.etag()).body(new Timeline(items, items.size()));
    }
}
