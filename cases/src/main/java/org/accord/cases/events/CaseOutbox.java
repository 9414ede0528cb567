package org.accord.cases.events;

import org.accord.support.relay.OutboxSource;
import org.springframework.stereotype.Component;

/** The outboxes of the case documents, as the relay hands them to notifications: each event as it is stored. */
@Component
class CaseOutbox implements OutboxSource<CaseEvent> {

    @Override
    public String collection() {
        return "cases";
    }

    @Override
    public Class<CaseEvent> eventType() {
        return CaseEvent.class;
    }

    @Override
    public String idOf(CaseEvent event) {
        return event.id();
    }

    @Override
    public long sequenceOf(CaseEvent event) {
        return event.sequence();
    }

    @Override
    public Object handedOver(CaseEvent event) {
        return event;
    }
}
