package org.accord.tasks.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.accord.support.id.IdKind;
import org.accord.support.problem.InvalidField;
import org.accord.support.problem.ServiceProblems;
import org.accord.tasks.action.ActionNotAllowedException;
import org.accord.tasks.action.ActionNotFoundException;
import org.accord.tasks.action.ActionRefusedException;
import org.accord.tasks.action.InvalidInputException;
import org.accord.tasks.action.PreconditionFailedException;
import org.accord.tasks.cases.CasesUnavailableException;
import org.accord.tasks.directory.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The action refusals as problems, beside the shared ones of {@link ServiceProblems}: never whether an action the
 * caller may not see exists.
 */
@RestControllerAdvice
class ProblemResponses extends ServiceProblems {

    static final URI PRECONDITION_FAILED = URI.create(TYPES + "precondition-failed");
    static final URI CASES_UNAVAILABLE = URI.create(TYPES + "cases-unavailable");
    static final URI DIRECTORY_UNAVAILABLE = URI.create(TYPES + "directory-unavailable");

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ActionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ActionNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", exception.getMessage());
    }

    /**
     * An action id in any other spelling than the one tasks makes is an action that does not exist; a case id in the
     * body of a new action a case the caller cannot see.
     */
    @Override
    protected ResponseEntity<ProblemDetail> unknownId(IdKind kind, IdPlace place) {
        return switch (kind) {
            case CASE -> refused(ActionRefusedException.unknownCase());
            case EVENT -> eventNotParked();
            default -> notFound(ActionNotFoundException.action());
        };
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(ActionNotAllowedException exception) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Not allowed", exception.getMessage());
    }

    @ExceptionHandler(ActionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ActionRefusedException exception) {
        HttpStatus status = HttpStatus.valueOf(exception.reason().status());
        ProblemDetail detail = detail(status, URI.create(TYPES + exception.reason().type()),
                exception.reason().title(), exception.getMessage());
        if (!exception.countries().isEmpty()) {
            detail.setProperty("countries", exception.countries());
        }
        return ResponseEntity.status(status).body(detail);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException exception) {
        return invalid(List.of(new InvalidField(exception.field(), exception.getMessage())));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException exception) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag(exception.currentEtag())
                .body(detail(HttpStatus.PRECONDITION_FAILED, PRECONDITION_FAILED, "Action changed",
                        "The action changed since the version named in If-Match; read it again and reapply your "
                                + "change."));
    }

    /** Fail closed: what cannot be checked with cases is neither shown nor changed. */
    @ExceptionHandler(CasesUnavailableException.class)
    ResponseEntity<ProblemDetail> casesUnavailable(CasesUnavailableException exception) {
        return unavailable(exception, CASES_UNAVAILABLE, "Cases unavailable",
                "Whether you may see this cannot be checked right now, so nothing is shown; try again shortly.");
    }

    @ExceptionHandler(DirectoryUnavailableException.class)
    ResponseEntity<ProblemDetail> directoryUnavailable(DirectoryUnavailableException exception) {
        return unavailable(exception, DIRECTORY_UNAVAILABLE, "User directory unavailable",
                "Whether this person is a user of the country cannot be checked right now; try again shortly.");
    }

    private static ResponseEntity<ProblemDetail> unavailable(RuntimeException cause, URI type, String title,
            String text) {
        log.warn("Answering 503: {}", cause.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(detail(HttpStatus.SERVICE_UNAVAILABLE, type, title, text));
    }
}
