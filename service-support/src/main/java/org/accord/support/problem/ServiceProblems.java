package org.accord.support.problem;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.identity.InternalCallRefusedException;
import org.accord.support.id.IdKind;
import org.accord.support.id.UnknownIdException;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The half of every service's error answers that the framework raises: unreadable or unknown input, failed
 * validation, wrong method or media type, unknown addresses, oversized bodies and the unexpected, each as
 * {@code application/problem+json} with a stable {@code type}, naming the fields to fix and never a stack trace.
 * A service's own {@code @RestControllerAdvice} extends this and adds its domain's refusals.
 */
public abstract class ServiceProblems extends ResponseEntityExceptionHandler {

    public static final String TYPES = "https://accord.example/problems/";
    public static final URI INVALID_INPUT = URI.create(TYPES + "invalid-input");
    public static final URI MALFORMED_JSON = URI.create(TYPES + "malformed-json");
    public static final URI NOT_FOUND = URI.create(TYPES + "not-found");
    public static final URI FORBIDDEN = URI.create(TYPES + "forbidden");
    public static final URI INTERNAL = URI.create(TYPES + "internal-error");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(TYPES + "payload-too-large");

    private static final Map<Integer, URI> BY_STATUS = Map.of(
            400, URI.create(TYPES + "bad-request"),
            404, NOT_FOUND,
            405, URI.create(TYPES + "method-not-allowed"),
            406, URI.create(TYPES + "not-acceptable"),
            413, PAYLOAD_TOO_LARGE,
            415, URI.create(TYPES + "unsupported-media-type"),
            500, INTERNAL);

    private static final Logger log = LoggerFactory.getLogger(ServiceProblems.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
                "The request could not be completed.");
    }

    /** An internal call the caller's client or role does not open: refused before anything is read or changed. */
    @ExceptionHandler(InternalCallRefusedException.class)
    ResponseEntity<ProblemDetail> internalCallRefused(InternalCallRefusedException refused) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Not allowed", refused.getMessage());
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

    /**
     * What the service answers for an id of {@code kind} that names nothing because it is not in canonical form:
     * exactly its answer to a well-formed id of that kind that does not exist, given at the same place (the address
     * or a body field).
     */
    protected abstract ResponseEntity<ProblemDetail> unknownId(IdKind kind, IdPlace place);

    /** Where an id was given: in the address (path or query), or in the request body. */
    public enum IdPlace { ADDRESS, BODY }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        UnknownIdException unknown = causeOfType(exception, UnknownIdException.class);
        if (unknown != null) {
            return asObject(unknownId(unknown.kind(), IdPlace.ADDRESS));
        }
        String field = exception.getPropertyName() == null ? "parameter" : exception.getPropertyName();
        Class<?> target = exception.getRequiredType();
        return invalid(List.of(new InvalidField(field, target != null && target.isEnum() ? oneOf(target)
                : "has the wrong type")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causeOfType(exception, BodyTooLargeException.class) != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(detail(HttpStatus.PAYLOAD_TOO_LARGE,
                    PAYLOAD_TOO_LARGE, "Payload too large", BodyTooLargeException.DETAIL));
        }
        UnknownIdException unknownId = causeOfType(exception, UnknownIdException.class);
        JacksonException cause = causeOfType(exception, JacksonException.class);
        IdKind idOfOtherShape = cause instanceof MismatchedInputException mismatch
                ? IdKind.ofType(mismatch.getTargetType()) : null;
        if (unknownId != null || idOfOtherShape != null) {
            return asObject(unknownId(unknownId != null ? unknownId.kind() : idOfOtherShape, IdPlace.BODY));
        }
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
        return ResponseEntity.badRequest().body(detail(HttpStatus.BAD_REQUEST, MALFORMED_JSON,
                "Malformed request body",
                "The request body is missing or is not well-formed JSON of the expected shape."));
    }

    /** The type of a problem the framework or the container raises with this status, without one of its own. */
    public static URI typeFor(int status) {
        return BY_STATUS.getOrDefault(status, URI.create(TYPES + "http-" + status));
    }

    /** Framework-raised errors (unknown address, wrong method, …) get a stable type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail detail && (detail.getType() == null
                || URI.create("about:blank").equals(detail.getType()))) {
            detail.setType(typeFor(status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    /** 400 naming every wrong field, each with what is wrong with it. */
    protected static ResponseEntity<Object> invalid(List<InvalidField> fields) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
                fields.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", ",
                        "Check these fields: ", ".")));
        detail.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(detail);
    }

    /** No parked event of this id: the same words for a well-formed id and for any other spelling. */
    public static ResponseEntity<ProblemDetail> eventNotParked() {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "No such event is parked.");
    }

    /** A problem answer with a stable {@code type}; for controllers that answer a refusal themselves. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String text) {
        return ResponseEntity.status(status).body(detail(status, type, title, text));
    }

    protected static ProblemDetail detail(HttpStatus status, URI type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(type);
        detail.setTitle(title);
        return detail;
    }

    private static String fieldOf(MessageSourceResolvable error, String parameter) {
        return error instanceof FieldError fieldError ? fieldError.getField() : parameter;
    }

    /** The JSON path of the offending value, as {@code sharedWith[0].access} or {@code factors[RF2].score}. */
    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null && reference.from() instanceof Map) {
                // Keys of a map as bean validation names them, e.g. factors[RF2].
                path.append('[').append(reference.getPropertyName()).append(']');
            } else if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String mismatchMessage(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (target == Instant.class) {
            return "must be an ISO-8601 UTC time such as 2025-01-31T12:00:00Z";
        }
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
