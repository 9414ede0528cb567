package org.accord.support.relay;

import java.time.Clock;
import java.util.List;

import org.accord.support.token.ServiceTokenAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * A relay for every service that declares {@link OutboxSource}s; it starts with the application when
 * {@code accord.relay.enabled} (the default), and every save of a document with pending events wakes it. It hands
 * events over with the service's own token ({@link ServiceTokenAutoConfiguration}). Beside it
 * the operators' endpoints for parked events and the gauge {@code accord_relay_parked}, which any instance reports
 * the same, since the parked list is the database's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        after = ServiceTokenAutoConfiguration.class)
@ConditionalOnBean({ OutboxSource.class, MongoOperations.class })
@EnableConfigurationProperties(RelayProperties.class)
public class RelayAutoConfiguration {

    @Bean
    RelayWakeUp relayWakeUp() {
        return new RelayWakeUp();
    }

    @Bean
    OutboxSaveWatch outboxSaveWatch(List<OutboxSource<?>> sources, RelayWakeUp wakeUp) {
        return new OutboxSaveWatch(sources, wakeUp);
    }

    @Bean
    OutboxRelay outboxRelay(MongoOperations mongo, List<OutboxSource<?>> sources, RelayProperties properties,
            ObjectProvider<Clock> clock, RelayWakeUp wakeUp, OAuth2ClientHttpRequestInterceptor serviceToken,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(mongo, sources, properties, clock.getIfAvailable(Clock::systemUTC), wakeUp,
                serviceToken, meters.getIfAvailable());
    }

    @Bean
    ParkedEventsController parkedEventsController(OutboxRelay relay, ParkedEventsAccess access) {
        return new ParkedEventsController(relay, access);
    }

    @Bean
    MeterBinder relayParkedGauge(OutboxRelay relay) {
        return registry -> Gauge.builder("accord.relay.parked", relay, OutboxRelay::parkedCount)
                .description("Events notifications refused for good, waiting for an operator's redrive")
                .register(registry);
    }
}
