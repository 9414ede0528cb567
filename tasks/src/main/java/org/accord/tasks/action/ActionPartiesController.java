package org.accord.tasks.action;

import org.accord.identity.InternalCaller;
import org.accord.support.id.ActionId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An action's case and countries, for notifications, which takes them from here rather than from the events it is
 * handed. The access policy says who may ask; the gateway never routes it.
 */
@RestController
class ActionPartiesController {

    private final ActionService actions;

    ActionPartiesController(ActionService actions) {
        this.actions = actions;
    }

    @GetMapping("/internal/actions/{id}/parties")
    ActionPartiesView parties(@PathVariable ActionId id, InternalCaller caller) {
        return actions.parties(id.value(), caller);
    }
}
