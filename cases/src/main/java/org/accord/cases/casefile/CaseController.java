package org.accord.cases.casefile;

import java.net.URI;

import org.accord.cases.audit.AuditAction;
import org.accord.cases.sharing.SharingChange;
import org.accord.identity.AllianceUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCase request, AllianceUser user) {
        Case opened = cases.open(request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id()))
                .eTag(opened.etag())
                .body(CaseView.of(opened, user));
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable String id, AllianceUser user) {
        return answer(cases.read(id, user, AuditAction.READ), user);
    }

    @GetMapping
    CasePage list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, AllianceUser user) {
        return cases.list(user, page, size);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
    ResponseEntity<CaseView> update(@PathVariable String id, @Valid @RequestBody CaseChanges changes,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        return answer(cases.update(id, changes, ifMatch, user), user);
    }

    @PutMapping("/{id}/sharing")
    ResponseEntity<CaseView> share(@PathVariable String id, @Valid @RequestBody SharingChange sharing,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        return answer(cases.share(id, sharing, ifMatch, user), user);
    }

    private static ResponseEntity<CaseView> answer(Case found, AllianceUser user) {
        return ResponseEntity.ok().eTag(found.etag()).body(CaseView.of(found, user));
    }
}
