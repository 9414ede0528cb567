package org.accord.support.store;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;

/**
 * A service's writes are acknowledged only once a majority of the replica set has them in its journal, so what a
 * service was told is stored survives the loss of the primary or a crash of every member. It is the default of every
 * service's client, so an operator cannot leave it out; a write concern in the MongoDB URI ({@code w}, {@code journal})
 * replaces it, since Boot applies the URI after this customizer.
 */
final class DurableWrites implements MongoClientSettingsBuilderCustomizer, Ordered {

    static final WriteConcern MAJORITY_JOURNALED = WriteConcern.MAJORITY.withJournal(true);

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.writeConcern(MAJORITY_JOURNALED);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
