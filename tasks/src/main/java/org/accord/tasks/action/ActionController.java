package org.accord.tasks.action;

import java.net.URI;
import java.util.Set;

import org.accord.support.id.ActionId;
import org.accord.tasks.cases.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

@RestController
@RequestMapping("/api/tasks")
class ActionController {

    private static final Set<String> LIST_PARAMETERS = Set.of("caseId", "country", "status", "assignedToMe",
            "overdue", "page", "size");
    private static final String COUNTRY = "[A-Z]{2}";

    private final ActionService actions;

    ActionController(ActionService actions) {
        this.actions = actions;
    }

    @PostMapping
    ResponseEntity<ActionView> propose(@Valid @RequestBody NewAction request, Caller caller) {
        Action proposed = actions.propose(request, caller);
        return ResponseEntity.created(URI.create("/api/tasks/" + proposed.id()))
                .eTag(proposed.etag())
                .body(actions.view(proposed, caller));
    }

    @GetMapping("/{id}")
    ResponseEntity<ActionView> get(@PathVariable ActionId id, Caller caller) {
        return answer(actions.read(id.value(), caller), caller);
    }

    @GetMapping
    ActionPage list(@RequestParam(required = false) CaseFilter caseId,
            @RequestParam(required = false) @Pattern(regexp = COUNTRY,
                    message = "must be a country code such as FR") String country,
            @RequestParam(required = false) AssignmentStatus status,
            @RequestParam(defaultValue = "false") boolean assignedToMe,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam MultiValueMap<String, String> parameters, Caller caller) {
        // A parameter the list does not know (such as status[$ne]) or one given twice is refused, not ignored.
        parameters.forEach((name, values) -> {
            if (!LIST_PARAMETERS.contains(name)) {
                throw new InvalidInputException(name, "is not a parameter of the action list");
            }
            if (values.size() > 1) {
                throw new InvalidInputException(name, "must be given once");
            }
        });
        return actions.list(new ActionQuery(caseId, country, status, assignedToMe, overdue, page, size), caller);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/json", "application/merge-patch+json" })
    ResponseEntity<ActionView> edit(@PathVariable ActionId id, @Valid @RequestBody ActionChanges changes,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return answer(actions.edit(id.value(), changes, ifMatch, caller), caller);
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<ActionView> cancel(@PathVariable ActionId id, @Valid @RequestBody CancellationRequest request,
            Caller caller) {
        return answer(actions.cancel(id.value(), request.reason(), caller), caller);
    }

    @PostMapping("/{id}/assignments/{country}/transitions")
    ResponseEntity<ActionView> move(@PathVariable ActionId id,
            @PathVariable @Pattern(regexp = COUNTRY, message = "must be a country code such as FR") String country,
            @Valid @RequestBody TransitionRequest request, Caller caller) {
        return answer(actions.move(id.value(), country, request, caller), caller);
    }

    @PutMapping("/{id}/assignments/{country}/assignee")
    ResponseEntity<ActionView> nameAssignee(@PathVariable ActionId id,
            @PathVariable @Pattern(regexp = COUNTRY, message = "must be a country code such as FR") String country,
            @Valid @RequestBody AssigneeRequest request, Caller caller) {
        return answer(actions.nameAssignee(id.value(), country, request.username(), caller), caller);
    }

    @PostMapping("/{id}/comments")
    ResponseEntity<Comment> comment(@PathVariable ActionId id, @Valid @RequestBody NewComment request,
            Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.comment(id.value(), request.text(), caller));
    }

    private ResponseEntity<ActionView> answer(Action action, Caller caller) {
        return ResponseEntity.ok().eTag(action.etag()).body(actions.view(action, caller));
    }
}
