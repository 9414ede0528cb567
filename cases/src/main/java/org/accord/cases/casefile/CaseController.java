package org.accord.cases.casefile;

import java.net.URI;
import java.util.Set;

import org.accord.cases.audit.AccessKind;
import org.accord.cases.sharing.SharingChange;
import org.accord.cases.sharing.Tlp;
import org.accord.identity.AllianceUser;
import org.accord.support.id.CaseId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final Set<String> LIST_PARAMETERS = Set.of("status", "situationCountry", "tlp", "riskLevel", "q",
            "page", "size", "sort");

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@Valid @RequestBody NewCase request, AllianceUser user) {
        Case opened = cases.open(request, user);
        return ResponseEntity.created(URI.create("/api/cases/" + opened.id()))
                .eTag(opened.etag())
                .body(CaseView.of(opened, user, cases.allowedOperations(opened, user)));
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseView> get(@PathVariable CaseId id, AllianceUser user) {
        return answer(cases.read(id.value(), user, AccessKind.READ), user);
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) @IsoCountry String situationCountry,
            @RequestParam(required = false) Tlp tlp,
            @RequestParam(required = false) RiskLevel riskLevel,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "updatedAt,desc") @Pattern(regexp = CaseQuery.SORT_PATTERN,
                    message = "must be one of updatedAt, createdAt, title, riskLevel, status, "
                            + "optionally followed by ,asc or ,desc") String sort,
            @RequestParam MultiValueMap<String, String> parameters, AllianceUser user) {
        // A parameter the list does not know (such as status[$ne]) or one given twice is refused, not ignored.
        parameters.forEach((name, values) -> {
            if (!LIST_PARAMETERS.contains(name)) {
                throw new InvalidQueryException(name, "is not a parameter of the case list");
            }
            if (values.size() > 1) {
                throw new InvalidQueryException(name, "must be given once");
            }
        });
        return cases.list(new CaseQuery(status, situationCountry, tlp, riskLevel, q, page, size, sort), user);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
    ResponseEntity<CaseView> update(@PathVariable CaseId id, @Valid @RequestBody CaseChanges changes,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        return answer(cases.update(id.value(), changes, ifMatch, user), user);
    }

    @PutMapping("/{id}/sharing")
    ResponseEntity<CaseView> share(@PathVariable CaseId id, @Valid @RequestBody SharingChange sharing,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, AllianceUser user) {
        return answer(cases.share(id.value(), sharing, ifMatch, user), user);
    }

    private ResponseEntity<CaseView> answer(Case found, AllianceUser user) {
        return ResponseEntity.ok().eTag(found.etag())
                .body(CaseView.of(found, user, cases.allowedOperations(found, user)));
    }
}
