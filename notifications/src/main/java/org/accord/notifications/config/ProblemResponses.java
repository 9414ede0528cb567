package org.accord.notifications.config;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.notifications.delivery.DeliveryNotFoundException;
import org.accord.notifications.delivery.DeliveryNotRedrivableException;
import org.accord.notifications.inbox.InboxItemNotFoundException;
import org.accord.notifications.partners.InvalidSettingException;
import org.accord.notifications.partners.PartnerNotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as {@code application/problem+json} with a stable {@code type}, never a stack trace; the caller learns
 * which fields to fix, and nothing about what it may not see.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String TYPES = "https://accord.example/problems/";
    static final URI INTERNAL = URI.create(TYPES + "internal-error");
    static final URI NOT_FOUND = URI.create(TYPES + "not-found");
    static final URI INVALID_INPUT = URI.create(TYPES + "invalid-input");
    static final URI MALFORMED_JSON = URI.create(TYPES + "malformed-json");
    static final URI NOT_REDRIVABLE = URI.create(TYPES + "delivery-not-redrivable");

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

    @ExceptionHandler({ InboxItemNotFoundException.class, PartnerNotFoundException.class,
            DeliveryNotFoundException.class })
    ResponseEntity<ProblemDetail> notFound(RuntimeException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(detail(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", exception.getMessage()));
    }

    @ExceptionHandler(DeliveryNotRedrivableException.class)
    ResponseEntity<ProblemDetail> notRedrivable(DeliveryNotRedrivableException exception) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(detail(HttpStatus.CONFLICT, NOT_REDRIVABLE,
                "Delivery not redrivable", exception.getMessage()));
    }

    @ExceptionHandler(InvalidSettingException.class)
    ResponseEntity<Object> invalidSetting(InvalidSettingException exception) {
        return invalid(List.of(new InvalidField(exception.field(), exception.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        return ResponseEntity.internalServerError().body(detail(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL,
                "Internal error", "The request could not be completed."));
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
                        .map(error -> new InvalidField(error instanceof FieldError field ? field.getField()
                                : result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        return invalid(List.of(new InvalidField(field, "has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = causeOfType(exception, JacksonException.class);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new InvalidField(path(unknown), "is not a known field")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            Class<?> target = mismatch.getTargetType();
            String message = target == Instant.class ? "must be an ISO-8601 UTC time such as 2025-01-31T12:00:00Z"
                    : target != null && target.isEnum() ? Stream.of(target.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", ", "must be one of ", ""))
                    : "has the wrong type";
            return invalid(List.of(new InvalidField(path(mismatch), message)));
        }
        return ResponseEntity.badRequest().body(detail(HttpStatus.BAD_REQUEST, MALFORMED_JSON,
                "Malformed request body",
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

    private static ResponseEntity<Object> invalid(List<InvalidField> fields) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
                fields.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", ",
                        "Check these fields: ", ".")));
        detail.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(detail);
    }

    private static ProblemDetail detail(HttpStatus status, URI type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(type);
        detail.setTitle(title);
        return detail;
    }

    /** The JSON path of the offending value, as {@code sharedWith[0].access}. */
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

    private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
