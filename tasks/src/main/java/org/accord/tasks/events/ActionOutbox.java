package org.accord.tasks.events;

import java.time.Instant;
import java.util.List;

import org.accord.support.relay.OutboxSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outboxes of the action documents, as the relay hands them to notifications, where an action is a task: its id
 * travels as {@code taskId}.
 */
@Component
class ActionOutbox implements OutboxSource<ActionEvent> {

    /** One action event as notifications takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HandedOver(String id, ActionEventType type, long sequence, String taskId, String caseId,
            Instant occurredAt, String actor, String actorCountry, List<String> countries, String country,
            String from, String to, String reason, String assignee, String commentId, List<String> changedFields,
            Instant dueDate) {
    }

    @Override
    public String collection() {
        return "actions";
    }

    @Override
    public Class<ActionEvent> eventType() {
        return ActionEvent.class;
    }

    @Override
    public String idOf(ActionEvent event) {
        return event.id();
    }

    @Override
    public long sequenceOf(ActionEvent event) {
        return event.sequence();
    }

    @Override
    public Object handedOver(ActionEvent event) {
        return new HandedOver(event.id(), event.type(), event.sequence(), event.actionId(), event.caseId(),
                event.occurredAt(), event.actor(), event.actorCountry(), event.countries(), event.country(),
                event.from(), event.to(), event.reason(), event.assignee(), event.commentId(), event.changedFields(),
                event.dueDate());
    }
}
