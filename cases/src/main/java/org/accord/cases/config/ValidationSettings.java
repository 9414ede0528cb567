package org.accord.cases.config;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationSettings {

    /** "Not in the future" allows a client clock a minute ahead of ours, so "now" from a partner system passes. */
    @Bean
    ValidationConfigurationCustomizer clockTolerance() {
        return configuration -> configuration.addProperty("hibernate.validator.temporal_validation_tolerance",
                "60000");
    }
}
