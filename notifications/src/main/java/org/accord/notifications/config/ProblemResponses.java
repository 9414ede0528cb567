package org.accord.notifications.config;

import java.net.URI;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as {@code application/problem+json} with a stable {@code type}, never a stack trace. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://accord.example/problems/";
    static final URI INTERNAL = URI.create(TYPES + "internal-error");

    private static final Map<Integer, URI> BY_STATUS = Map.of(
            400, URI.create(TYPES + "bad-request"),
            404, URI.create(TYPES + "not-found"),
            405, URI.create(TYPES + "method-not-allowed"),
            406, URI.create(TYPES + "not-acceptable"),
            413, URI.create(TYPES + "payload-too-large"),
            415, URI.create(TYPES + "unsupported-media-type"),
            500, INTERNAL);

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed.");
        detail.setType(INTERNAL);
        detail.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(detail);
    }

    /** Framework-raised errors (unknown address, wrong method, …) get a stable type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail && (detail.getType() == null
                || URI.create("about:blank").equals(detail.getType()))) {
            detail.setType(BY_STATUS.getOrDefault(status.value(), URI.create(TYPES + "http-" + status.value())));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
