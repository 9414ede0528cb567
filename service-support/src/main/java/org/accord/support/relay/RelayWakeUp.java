package org.accord.support.relay;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the started relays of this instance that a save has just left events in an outbox, so they look now instead
 * of after their poll interval. Other instances do not hear it and find the events at their next poll; the lease
 * decides who hands them over either way.
 */
public final class RelayWakeUp {

    private final Set<OutboxRelay> relays = ConcurrentHashMap.newKeySet();

    /** Called once a document with pending events is stored; it never waits for the relays. */
    public void eventsSaved() {
        relays.forEach(OutboxRelay::wake);
    }

    void attach(OutboxRelay relay) {
        relays.add(relay);
    }

    void detach(OutboxRelay relay) {
        relays.remove(relay);
    }
}
