package org.accord.notifications.delivery;

import java.time.Duration;

import org.accord.support.background.BackgroundLoop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    BackgroundLoop deliveryLoop(DeliveryEngine engine) {
        return engine.loop();
    }

    /** Removes aged delivery log entries, looking every {@code poll-interval} whether {@code forget-every} passed. */
    @Bean
    BackgroundLoop deliveryLogRetentionLoop(DeliveryEngine engine, DeliveryProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new BackgroundLoop("delivery-log-retention", new BackgroundLoop.Settings(properties.pollInterval(),
                properties.pollInterval(), Duration.ZERO, null, 0, true),
                BackgroundLoop.Round.always(engine::forgetAged), meters.getIfAvailable());
    }
}
