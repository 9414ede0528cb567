package org.accord.identity.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Which secrets a process started outside the local launch takes, and how a refusal names what is wrong. */
class SecretSettingsCheckTest {

    private static final String CLIENT_SECRET = "accord.relay.client-secret";
    private static final String KEY = "accord.notifications.secret-key";

    static Stream<Arguments> values() {
        String demoKey = DemoSecrets.byVariable().get("ACCORD_NOTIFICATIONS_SECRET_KEY");
        return Stream.of(
                // setting, variable, value given (null: not given), refusal (null: accepted)
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", null, "is not set"),
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", "   ", "is not set"),
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", "accord-cases-secret", "demo value"),
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", "accord-gateway-secret", "demo value"),
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", "s".repeat(31), "at least 32 characters"),
                Arguments.of(CLIENT_SECRET, "ACCORD_CASES_SECRET", "s".repeat(32), null),
                Arguments.of(KEY, "ACCORD_NOTIFICATIONS_SECRET_KEY", null, "is not set"),
                Arguments.of(KEY, "ACCORD_NOTIFICATIONS_SECRET_KEY", demoKey, "demo value"),
                Arguments.of(KEY, "ACCORD_NOTIFICATIONS_SECRET_KEY", randomKey(31), "at least 32 random bytes"),
                Arguments.of(KEY, "ACCORD_NOTIFICATIONS_SECRET_KEY", "not base64 but long enough to pass as text",
                        "at least 32 random bytes"),
                Arguments.of(KEY, "ACCORD_NOTIFICATIONS_SECRET_KEY", randomKey(32), null));
    }

    @ParameterizedTest(name = "{0} = {2}: {3}")
    @MethodSource("values")
    void outsideTheLocalLaunchASecretMustBeSetUnknownAndLongEnough(String property, String variable, String value,
            String refusal) {
        ConfigurableEnvironment environment = environment(Map.of(property, "${" + variable + "}"));
        if (value != null) {
            given(environment, Map.of(variable, value));
        }

        if (refusal == null) {
            assertThatNoException().isThrownBy(() -> check(environment));
            return;
        }
        UnsafeSecretsException refused = catchThrowableOfType(UnsafeSecretsException.class,
                () -> check(environment));
        assertThat(refused.problems()).singleElement().asString()
                .startsWith(property + " (environment variable " + variable + ") ").contains(refusal);
        if (value != null && !value.isBlank()) {
            assertThat(refused.getMessage()).doesNotContain(value);
        }
    }

    @Test
    void theLocalLaunchTakesItsDemoSecrets() {
        ConfigurableEnvironment environment = environment(Map.of(CLIENT_SECRET, "${ACCORD_CASES_SECRET}",
                KEY, "${ACCORD_NOTIFICATIONS_SECRET_KEY}"));
        given(environment, DemoSecrets.byVariable());
        environment.setActiveProfiles("local");

        assertThatNoException().isThrownBy(() -> check(environment));
    }

    @Test
    void aDemoDefaultInTheConfigurationIsRefusedLikeAnyDemoValue() {
        ConfigurableEnvironment environment = environment(
                Map.of(CLIENT_SECRET, "${ACCORD_CASES_SECRET:accord-cases-secret}"));
        environment.setActiveProfiles("production");

        assertThat(catchThrowableOfType(UnsafeSecretsException.class, () -> check(environment)).problems())
                .singleElement().asString().contains("demo value");
    }

    @Test
    void theValueTheProcessUsesIsCheckedHoweverItIsGiven() {
        ConfigurableEnvironment environment = environment(Map.of(CLIENT_SECRET, "${ACCORD_CASES_SECRET}"));
        given(environment, Map.of("ACCORD_CASES_SECRET", "s".repeat(40), CLIENT_SECRET, "accord-tasks-secret"));

        assertThat(catchThrowableOfType(UnsafeSecretsException.class, () -> check(environment)).problems())
                .singleElement().asString().contains("demo value");
    }

    @Test
    void oneRefusalNamesEveryUnfitSettingAndSettingsWithoutSecretsAreLeftAlone() {
        ConfigurableEnvironment environment = environment(Map.of(CLIENT_SECRET, "${ACCORD_CASES_SECRET}",
                KEY, "${ACCORD_NOTIFICATIONS_SECRET_KEY}", "spring.data.redis.host", "${ACCORD_REDIS_HOST:localhost}",
                "accord.tasks.client-id", "accord-tasks"));

        assertThat(catchThrowableOfType(UnsafeSecretsException.class, () -> check(environment)).problems())
                .containsExactlyInAnyOrder(CLIENT_SECRET + " (environment variable ACCORD_CASES_SECRET) is not set",
                        KEY + " (environment variable ACCORD_NOTIFICATIONS_SECRET_KEY) is not set");
    }

    private static ConfigurableEnvironment environment(Map<String, Object> configuration) {
        ConfigurableEnvironment environment = new AbstractEnvironment() {
        };
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", configuration));
        return environment;
    }

    /** What the operator gives, ahead of the configuration files as the environment and the command line are. */
    private static void given(ConfigurableEnvironment environment, Map<String, ?> values) {
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(values)));
    }

    private static void check(ConfigurableEnvironment environment) {
        new SecretSettingsCheck().postProcessEnvironment(environment, null);
    }

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
