package org.accord.notifications.events;

import java.util.List;

import org.accord.identity.InternalCaller;
import org.accord.support.id.EventId;
import org.accord.support.problem.ServiceProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of parked received events and their redrive, for the operators' client as the policy decides. */
@RestController
class ParkedEventsController {

    private static final int LISTED = 500;

    /** The parked events, longest parked first; {@code total} counts them all when there are more than are listed. */
    record ParkedList(List<ParkedEvents.View> items, long total) {
    }

    private final ParkedEvents parked;

    ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping("/internal/events/parked")
    ParkedList parked(InternalCaller caller) {
        List<ParkedEvents.View> items = parked.list(caller, LISTED);
        return new ParkedList(items, items.size() < LISTED ? items.size() : parked.count());
    }

    /** {@code 204} once the event waits to be handled again; {@code 404} if no such event is parked. */
    @PostMapping("/internal/events/{id}/redrive")
    ResponseEntity<?> redrive(@PathVariable EventId id, InternalCaller caller) {
        if (parked.redrive(caller, id.value())) {
            return ResponseEntity.noContent().build();
        }
        return ServiceProblems.eventNotParked();
    }
}
