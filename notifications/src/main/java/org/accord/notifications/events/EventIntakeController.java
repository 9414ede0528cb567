package org.accord.notifications.events;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Event hand-over from the platform's services; {@code /internal/**} takes only tokens with role {@code service}. */
@RestController
class EventIntakeController {

    private final EventIntake intake;

    EventIntakeController(EventIntake intake) {
        this.intake = intake;
    }

    /** {@code 202} for a new event; {@code 204} for one already received, which is left as it was. */
    @PostMapping("/internal/events")
    ResponseEntity<Void> receive(@Valid @RequestBody IncomingEvent event) {
        return switch (intake.receive(event)) {
            case ACCEPTED -> ResponseEntity.accepted().build();
            case ALREADY_RECEIVED -> ResponseEntity.noContent().build();
        };
    }
}
