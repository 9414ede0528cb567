package org.accord.cases.config;

import org.accord.identity.ServiceSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The platform's resource-server defaults; what a caller may see of a case is decided by the access policy. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurityConfiguration.class)
class SecurityConfiguration {
}
