package org.accord.support.relay;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;

/**
 * Wakes the relay after every successful save or insert into an outbox collection that leaves events pending, so no
 * service has to remember to. Runs only once the write was acknowledged: a failed or conflicting save never wakes it.
 * The relay's own updates are not saves and do not wake it.
 */
class OutboxSaveWatch implements AfterSaveCallback<Object> {

    private final Set<String> collections;
    private final RelayWakeUp wakeUp;

    OutboxSaveWatch(List<OutboxSource<?>> sources, RelayWakeUp wakeUp) {
        this.collections = Set.copyOf(sources.stream().map(OutboxSource::collection).toList());
        this.wakeUp = wakeUp;
    }

    @Override
    public Object onAfterSave(Object entity, Document document, String collection) {
        if (collections.contains(collection) && Boolean.TRUE.equals(document.get(Outbox.PENDING))) {
            wakeUp.eventsSaved();
        }
        return entity;
    }
}
