package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The identity library on a process's class path is all it takes: every process gets the alliance realm's tokens
 * and the member countries, a service its resource-server security too, and the gateway, a reactive application
 * with security of its own, the reactive decoder and nothing of the services' security.
 */
class IdentityAutoConfigurationTest {

    private static final AutoConfigurations IDENTITY = AutoConfigurations.of(AllianceTokensAutoConfiguration.class,
            ServiceSecurityAutoConfiguration.class);

    private static final String ISSUER = "accord.identity.issuer-uri=http://localhost:1/realms/alliance";

    @Test
    void aServiceGetsTheAllianceTokensAndTheResourceServerSecurity() {
        new WebApplicationContextRunner().withConfiguration(IDENTITY).withPropertyValues(ISSUER).run(service -> {
            assertAllianceTokens(service);
            assertThat(service).hasSingleBean(JwtDecoder.class).hasSingleBean(SecurityFilterChain.class)
                    .hasBean("allianceUserArguments");
        });
    }

    @Test
    void theGatewayGetsTheAllianceTokensAndTheReactiveDecoderOnly() {
        new ReactiveWebApplicationContextRunner().withConfiguration(IDENTITY).withPropertyValues(ISSUER)
                .run(gateway -> {
                    assertAllianceTokens(gateway);
                    assertThat(gateway).hasSingleBean(ReactiveJwtDecoder.class).doesNotHaveBean(JwtDecoder.class)
                            .doesNotHaveBean(SecurityFilterChain.class).doesNotHaveBean(WebMvcConfigurer.class);
                });
    }

    private static void assertAllianceTokens(ApplicationContextAssertProvider<?> context) {
        assertThat(context).hasSingleBean(CountryRegistry.class).hasSingleBean(AllianceTokens.class);
    }
}
