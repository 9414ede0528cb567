package org.accord.notifications.config;

import org.accord.notifications.partners.NotificationsProperties;
import java.net.InetAddress;

import org.accord.notifications.webhook.WebhookProperties;
import org.accord.notifications.partners.WebhookUrlGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotificationsProperties.class, WebhookProperties.class })
class WebhookConfiguration {

    @Bean
    WebhookUrlGuard webhookUrlGuard(NotificationsProperties properties,
            ObjectProvider<WebhookUrlGuard.Resolver> resolver) {
        return new WebhookUrlGuard(properties.allowLoopbackWebhooks(),
                resolver.getIfAvailable(() -> InetAddress::getAllByName));
    }
}
