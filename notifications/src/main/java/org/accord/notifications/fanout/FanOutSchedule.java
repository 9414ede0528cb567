package org.accord.notifications.fanout;

import org.accord.support.background.BackgroundLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts and stops the fan-out's rounds with the application. */
@Configuration(proxyBeanMethods = false)
class FanOutSchedule {

    @Bean
    BackgroundLoop fanOutLoop(EventWorker worker) {
        return worker.loop();
    }
}
