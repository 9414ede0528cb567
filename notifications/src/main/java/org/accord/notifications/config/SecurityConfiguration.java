package org.accord.notifications.config;

import org.accord.identity.ServiceSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The platform's resource-server defaults: alliance tokens of a member country; {@code /internal/**} for services. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurityConfiguration.class)
class SecurityConfiguration {
}
