package org.accord.tasks.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.tasks.action.ActionNotAllowedException;
import org.accord.tasks.action.ActionNotFoundException;
import org.accord.tasks.action.ActionRefusedException;
import org.accord.tasks.action.InvalidInputException;
import org.accord.tasks.action.PreconditionFailedException;
import org.accord.tasks.cases.CasesUnavailableException;
import org.accord.tasks.directory.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as {@code application/problem+json} with a stable {@code type}: the caller learns which fields to fix,
 * never a stack trace or an internal name, and never whether an action it may not see exists.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://accord.example/problems/";
    static final URI INVALID_INPUT = URI.create(TYPES + "invalid-input");
    static final URI MALFORMED_JSON = URI.create(TYPES + "malformed-json");
    static final URI NOT_FOUND = URI.create(TYPES + "not-found");
    static final URI FORBIDDEN = URI.create(TYPES + "forbidden");
    static final URI INTERNAL = URI.create(TYPES + "internal-error");
    static final URI PRECONDITION_FAILED = URI.create(TYPES + "precondition-failed");
    static final URI CASES_UNAVAILABLE = URI.create(TYPES + "cases-unavailable");
    static final URI DIRECTORY_UNAVAILABLE = URI.create(TYPES + "directory-unavailable");

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Map<Integer, URI> BY_STATUS = Map.of(
            400, URI.create(TYPES + "bad-request"),
            404, NOT_FOUND,
            405, URI.create(TYPES + "method-not-allowed"),
            406, URI.create(TYPES + "not-acceptable"),
            413, URI.create(TYPES + "payload-too-large"),
            415, URI.create(TYPES + "unsupported-media-type"),
            500, INTERNAL);

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** One wrong field: where it is in the request and what is wrong with it. */
    record InvalidField(String field, String message) {
    }

    @ExceptionHandler(ActionNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ActionNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", exception.getMessage());
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "The request could not be completed.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = new ArrayList<>();
        exception.getBindingResult().getFieldErrors()
                .forEach(error -> fields.add(new InvalidField(error.getField(), error.getDefaultMessage())));
        exception.getBindingResult().getGlobalErrors()
                .forEach(error -> fields.add(new InvalidField(error.getObjectName(), error.getDefaultMessage())));
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        List<InvalidField> fields = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(fieldOf(error, result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList();
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        Class<?> target = exception.getRequiredType();
        return invalid(List.of(new InvalidField(field, target != null && target.isEnum() ? oneOf(target)
                : "has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = causeOfType(exception, JacksonException.class);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new InvalidField(path(unknown), "is not a known field")));
        }
        if (cause instanceof InvalidNullException nullValue) {
            return invalid(List.of(new InvalidField(path(nullValue),
                    "must not be null; leave the field out to keep it unchanged")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new InvalidField(path(mismatch), mismatchMessage(mismatch))));
        }
        return ResponseEntity.badRequest().body(detail(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed request body",
                "The request body is missing or is not well-formed JSON of the expected shape."));
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

    private ResponseEntity<Object> invalid(List<InvalidField> fields) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
                fields.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", ",
                        "Check these fields: ", ".")));
        detail.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(detail);
    }

    private static ResponseEntity<ProblemDetail> unavailable(RuntimeException cause, URI type, String title,
            String text) {
        log.warn("Answering 503: {}", cause.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(detail(HttpStatus.SERVICE_UNAVAILABLE, type, title, text));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String text) {
        return ResponseEntity.status(status).body(detail(status, type, title, text));
    }

    private static ProblemDetail detail(HttpStatus status, URI type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(type);
        detail.setTitle(title);
        return detail;
    }

    private static String fieldOf(MessageSourceResolvable error, String parameter) {
        return error instanceof FieldError fieldError ? fieldError.getField() : parameter;
    }

    /** The JSON path of the offending value, as {@code countries[0]}. */
    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String mismatchMessage(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        return target != null && target.isEnum() ? oneOf(target) : "has the wrong type";
    }

    private static String oneOf(Class<?> enumType) {
        return Stream.of(enumType.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ", "must be one of ", ""));
    }

    private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
