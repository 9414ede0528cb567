package org.accord.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@code mongo} health component of every service. It replaces Boot's own check, whose {@code hello} command the
 * embedded MongoDB server of the local run does not answer; {@code ping} is answered by it and by real MongoDB alike.
 */
public class MongoHealth extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    public MongoHealth(MongoOperations mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up();
    }
}
