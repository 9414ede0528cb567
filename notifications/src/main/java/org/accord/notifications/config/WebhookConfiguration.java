package org.accord.notifications.config;

import org.accord.notifications.webhook.WebhookUrlGuard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class WebhookConfiguration {

    @Bean
    WebhookUrlGuard webhookUrlGuard(NotificationsProperties properties) {
        return new WebhookUrlGuard(properties.allowLoopbackWebhooks());
    }
}
