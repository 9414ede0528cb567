package org.accord.support.relay;

import static org.accord.support.problem.ServiceProblems.problem;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.accord.identity.InternalCaller;
import org.accord.support.id.EventId;
import org.accord.support.problem.ServiceProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' view of the events notifications refused for good, and their redrive. Under {@code /internal/**},
 * which the gateway never routes; the service's access policy decides which platform client may call it (the
 * operators', with role {@code operator}).
 */
@RestController
class ParkedEventsController {

    static final URI REFUSED = URI.create(ServiceProblems.TYPES + "relay-event-refused");
    static final URI UNAVAILABLE = URI.create(ServiceProblems.TYPES + "notifications-unavailable");
    private static final int LISTED = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The parked events, oldest first; {@code total} counts them all when there are more than are listed. */
    record ParkedList(List<View> items, long total) {
    }

    /** One parked event as an operator sees it, with the event as it was handed over. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String eventId, String eventType, String collection, String documentId, long sequence,
            Integer status, Problem problem, Instant parkedAt, Instant lastAttemptAt, int attempts, JsonNode event) {

        static View of(ParkedEvent parked) {
            Problem problem = parked.problemType() == null && parked.problemDetail() == null ? null
                    : new Problem(parked.problemType(), parked.problemDetail());
            return new View(parked.eventId(), parked.eventType(), parked.collection(), parked.documentId(),
                    parked.sequence(), parked.status(), problem, parked.parkedAt(), parked.lastAttemptAt(),
                    parked.attempts(), event(parked.body()));
        }

        private static JsonNode event(String body) {
            if (body == null) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (JacksonException unreadable) {
                return JSON.getNodeFactory().stringNode(body);
            }
        }
    }

    /** What notifications answered about the event. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String detail) {
    }

    private final OutboxRelay relay;
    private final ParkedEventsAccess access;

    ParkedEventsController(OutboxRelay relay, ParkedEventsAccess access) {
        this.relay = relay;
        this.access = access;
    }

    @GetMapping("/internal/relay/parked")
    ParkedList parked(InternalCaller caller) {
        access.checkParkedEvents(caller, ParkedEventsAccess.Call.LIST_PARKED);
        List<View> items = relay.parked(LISTED).stream().map(View::of).toList();
        return new ParkedList(items, items.size() < LISTED ? items.size() : relay.parkedCount());
    }

    /**
     * {@code 204} once notifications took the event and it left the parked list; {@code 409} when refused again,
     * {@code 503} when notifications cannot take events now (it stays parked either way); {@code 404} if not parked.
     */
    @PostMapping("/internal/relay/parked/{eventId}/redrive")
    ResponseEntity<?> redrive(@PathVariable EventId eventId, InternalCaller caller) throws InterruptedException {
        access.checkParkedEvents(caller, ParkedEventsAccess.Call.REDRIVE_PARKED);
        return relay.redrive(eventId.value()).<ResponseEntity<?>>map(redriven -> switch (redriven.outcome()) {
            case HANDED_OVER -> ResponseEntity.noContent().build();
            case REFUSED -> problem(HttpStatus.CONFLICT, REFUSED, "Event refused again",
                    "Notifications refused the event again: " + redriven.parked().problemDetail()
                            + " (status " + redriven.parked().status() + "). It stays parked.");
            case UNAVAILABLE -> problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Notifications unavailable",
                    "Notifications cannot take events now. The event stays parked; try again later.");
        }).orElseGet(ServiceProblems::eventNotParked);
    }
}
