package org.accord.notifications.config;

import java.net.URI;
import java.util.List;

import org.accord.notifications.delivery.DeliveryNotFoundException;
import org.accord.notifications.delivery.DeliveryNotRedrivableException;
import org.accord.notifications.inbox.InboxItemNotFoundException;
import org.accord.notifications.partners.InvalidSettingException;
import org.accord.notifications.partners.PartnerNotFoundException;
import org.accord.support.id.IdKind;
import org.accord.support.problem.InvalidField;
import org.accord.support.problem.ServiceProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The inbox and partner refusals as problems, beside the shared ones of {@link ServiceProblems}: nothing about what
 * the caller may not see.
 */
@RestControllerAdvice
class ProblemResponses extends ServiceProblems {

    static final URI NOT_REDRIVABLE = URI.create(TYPES + "delivery-not-redrivable");

    @ExceptionHandler({ InboxItemNotFoundException.class, PartnerNotFoundException.class,
            DeliveryNotFoundException.class })
    ResponseEntity<ProblemDetail> notFound(RuntimeException exception) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", exception.getMessage());
    }

    /**
     * An id in any other spelling than the one the platform makes names nothing: in an address it is answered as one
     * that does not exist; in a handed-over event (the only body here that takes ids) the event is refused, naming the
     * field, and nothing is stored.
     */
    @Override
    protected ResponseEntity<ProblemDetail> unknownId(IdKind kind, IdPlace place) {
        if (place == IdPlace.BODY) {
            String field = switch (kind) {
                case CASE -> "caseId";
                case ACTION -> "taskId";
                default -> "id";
            };
            ProblemDetail refused = detail(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input",
                    "Check these fields: " + field + ".");
            refused.setProperty("errors", List.of(new InvalidField(field,
                    "must be an id as the platform writes it")));
            return ResponseEntity.badRequest().body(refused);
        }
        return switch (kind) {
            case INBOX_ITEM -> notFound(new InboxItemNotFoundException());
            case DELIVERY -> notFound(new DeliveryNotFoundException());
            default -> eventNotParked();
        };
    }

    @ExceptionHandler(DeliveryNotRedrivableException.class)
    ResponseEntity<ProblemDetail> notRedrivable(DeliveryNotRedrivableException exception) {
        return problem(HttpStatus.CONFLICT, NOT_REDRIVABLE, "Delivery not redrivable", exception.getMessage());
    }

    @ExceptionHandler(InvalidSettingException.class)
    ResponseEntity<Object> invalidSetting(InvalidSettingException exception) {
        return invalid(List.of(new InvalidField(exception.field(), exception.getMessage())));
    }
}
