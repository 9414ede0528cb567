package org.accord.notifications.events;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/** Stores each handed-over event exactly once; the relay may hand the same event over as often as it needs to. */
@Service
public class EventIntake {

    /** Whether the event was new, or had been handed over before and changed nothing. */
    public enum Outcome { ACCEPTED, ALREADY_RECEIVED }

    private final MongoOperations mongo;
    private final Clock clock;

    EventIntake(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Outcome receive(IncomingEvent event) {
        try {
            mongo.insert(ReceivedEvent.received(event, clock.instant()));
            return Outcome.ACCEPTED;
        } catch (DuplicateKeyException duplicate) {
            return Outcome.ALREADY_RECEIVED;
        }
    }
}
