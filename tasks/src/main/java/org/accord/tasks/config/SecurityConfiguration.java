package org.accord.tasks.config;

import java.util.List;

import org.accord.identity.ServiceSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The platform's resource-server defaults: alliance tokens of a member country; {@code /internal/**} for services.
 * Controllers may take the {@link Caller}, whose token is relayed to cases.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurityConfiguration.class)
class SecurityConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
