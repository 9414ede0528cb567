package org.accord.support.relay;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A relay for every service that declares {@link OutboxSource}s; it starts with the application when
 * {@code accord.relay.enabled} (the default).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean({ OutboxSource.class, MongoOperations.class })
@EnableConfigurationProperties(RelayProperties.class)
public class RelayAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, List<OutboxSource<?>> sources, RelayProperties properties,
            ObjectProvider<Clock> clock) {
        return new OutboxRelay(mongo, sources, properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
