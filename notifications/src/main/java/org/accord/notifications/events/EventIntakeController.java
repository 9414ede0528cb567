package org.accord.notifications.events;

import jakarta.validation.Valid;

import org.accord.identity.InternalCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Event hand-over from the platform's services: a case's events from cases, an action's from tasks, as the access
 * policy decides by the calling client and its role.
 */
@RestController
class EventIntakeController {

    private final EventIntake intake;

    EventIntakeController(EventIntake intake) {
        this.intake = intake;
    }

    /** {@code 202} for a new event; {@code 204} for one already received, which is left as it was. */
    @PostMapping("/internal/events")
    ResponseEntity<Void> receive(@Valid @RequestBody IncomingEvent event, InternalCaller caller) {
        return switch (intake.receive(event, caller)) {
            case ACCEPTED -> ResponseEntity.accepted().build();
            case ALREADY_RECEIVED -> ResponseEntity.noContent().build();
        };
    }
}
