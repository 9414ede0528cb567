package org.accord.support.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** Registers the {@code ping}-based MongoDB check under the name Boot's own check would take, replacing it. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class HealthAutoConfiguration {

    @Bean("mongoHealthIndicator")
    @ConditionalOnBean(MongoOperations.class)
    MongoHealth mongoHealthIndicator(MongoOperations mongo) {
        return new MongoHealth(mongo);
    }
}
