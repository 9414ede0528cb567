package org.accord.cases.config;

import java.net.URI;
import java.util.List;

import org.accord.cases.casefile.CaseConflictException;
import org.accord.cases.casefile.CaseNotFoundException;
import org.accord.cases.casefile.InvalidQueryException;
import org.accord.cases.casefile.PreconditionFailedException;
import org.accord.cases.casefile.PreconditionRequiredException;
import org.accord.cases.access.ActionNotAllowedException;
import org.accord.support.id.IdKind;
import org.accord.support.problem.InvalidField;
import org.accord.support.problem.ServiceProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The case refusals as problems, beside the shared ones of {@link ServiceProblems}: never whether a case the caller
 * may not see exists.
 */
@RestControllerAdvice
class ProblemResponses extends ServiceProblems {

    static final URI PRECONDITION_REQUIRED = URI.create(TYPES + "precondition-required");
    static final URI PRECONDITION_FAILED = URI.create(TYPES + "precondition-failed");

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<ProblemDetail> caseNotFound() {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Case not found",
                "There is no case with this id that you may see.");
    }

    /** A case id in any other spelling than the one cases makes names a case that does not exist. */
    @Override
    protected ResponseEntity<ProblemDetail> unknownId(IdKind kind, IdPlace place) {
        return kind == IdKind.EVENT ? eventNotParked() : caseNotFound();
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    ResponseEntity<ProblemDetail> notAllowed(ActionNotAllowedException exception) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Not allowed", exception.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalidQuery(InvalidQueryException exception) {
        return invalid(List.of(new InvalidField(exception.parameter(), exception.getMessage())));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<ProblemDetail> preconditionRequired() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED, "If-Match required",
                "Send the ETag of the version you are changing in If-Match.");
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException exception) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.PRECONDITION_FAILED);
        if (exception.currentEtag() != null) {
            response.eTag(exception.currentEtag());
        }
        return response.body(detail(HttpStatus.PRECONDITION_FAILED, PRECONDITION_FAILED, "Case changed",
                "The case changed since the version named in If-Match; read it again and reapply your change."));
    }

    @ExceptionHandler(CaseConflictException.class)
    ResponseEntity<ProblemDetail> conflict(CaseConflictException exception) {
        return problem(HttpStatus.CONFLICT, URI.create(TYPES + exception.reason().type()), exception.reason().title(),
                exception.getMessage());
    }
}
