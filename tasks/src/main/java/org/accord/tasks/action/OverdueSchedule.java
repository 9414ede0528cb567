package org.accord.tasks.action;

import java.time.Duration;

import org.accord.support.background.BackgroundLoop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sweeps for overdue assignments on every instance, first one interval after the start and then one interval after
 * each sweep ended; a failed sweep is tried again at the next interval.
 */
@Configuration(proxyBeanMethods = false)
class OverdueSchedule {

    @Bean
    BackgroundLoop overdueSweepLoop(OverdueSweep sweep,
            @Value("${accord.tasks.overdue-sweep-interval:PT1M}") Duration interval,
            ObjectProvider<MeterRegistry> meters) {
        return new BackgroundLoop("overdue-sweep", new BackgroundLoop.Settings(interval, interval, Duration.ZERO,
                null, 0, true), BackgroundLoop.Round.always(sweep::sweep), meters.getIfAvailable());
    }
}
