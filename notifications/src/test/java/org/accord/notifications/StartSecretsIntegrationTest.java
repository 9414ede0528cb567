package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.accord.identity.secrets.DemoSecrets;
import org.accord.identity.secrets.UnsafeSecretsException;
import org.accord.identity.testing.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started as a deployment starts it, without the profile {@code local}: it refuses its client secret
 * and its webhook-sealing key when they are missing, the local launch's demo values or too short, naming each setting
 * and its environment variable and never the value, and starts with secrets of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartSecretsIntegrationTest {

    private static final String CLIENT_SECRET = "spring.security.oauth2.client.registration.service.client-secret"
            + " (environment variable ACCORD_NOTIFICATIONS_SECRET)";
    private static final String KEY = "accord.notifications.secret-key (environment variable"
            + " ACCORD_NOTIFICATIONS_SECRET_KEY)";

    @Test
    void theDemoSecretsAreRefusedWithoutTheLocalProfile(CapturedOutput output) {
        String demoSecret = DemoSecrets.byVariable().get("ACCORD_NOTIFICATIONS_SECRET");
        String demoKey = DemoSecrets.byVariable().get("ACCORD_NOTIFICATIONS_SECRET_KEY");

        UnsafeSecretsException refused = refusedStart("--ACCORD_NOTIFICATIONS_SECRET=" + demoSecret,
                "--ACCORD_NOTIFICATIONS_SECRET_KEY=" + demoKey);

        assertThat(refused.problems()).containsExactlyInAnyOrder(
                CLIENT_SECRET + " holds a demo value of the local launch, which anyone who reads the repository knows",
                KEY + " holds a demo value of the local launch, which anyone who reads the repository knows");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(CLIENT_SECRET).contains(KEY)
                .doesNotContain(demoSecret).doesNotContain(demoKey);
    }

    @Test
    void missingSecretsAreRefused() {
        UnsafeSecretsException refused = refusedStart();

        assertThat(refused.problems()).containsExactlyInAnyOrder(CLIENT_SECRET + " is not set", KEY + " is not set");
    }

    @Test
    void secretsTooShortAreRefused(CapturedOutput output) {
        String secret = randomText(31);
        String key = randomKey(16);

        UnsafeSecretsException refused = refusedStart("--ACCORD_NOTIFICATIONS_SECRET=" + secret,
                "--ACCORD_NOTIFICATIONS_SECRET_KEY=" + key);

        assertThat(refused.problems()).containsExactlyInAnyOrder(
                CLIENT_SECRET + " is too short: a client secret needs at least 32 characters",
                KEY + " is not the base64 of a key of at least 32 random bytes");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(key);
    }

    @Test
    void theServiceStartsWithSecretsOfItsOwn() {
        try (ConfigurableApplicationContext service = start("--ACCORD_NOTIFICATIONS_SECRET=" + randomText(40),
                "--ACCORD_NOTIFICATIONS_SECRET_KEY=" + randomKey(32))) {
            assertThat(service.isRunning()).isTrue();
            assertThat(service.getEnvironment().getActiveProfiles()).doesNotContain("local");
        }
    }

    private static UnsafeSecretsException refusedStart(String... secrets) {
        return catchThrowableOfType(UnsafeSecretsException.class, () -> start(secrets).close());
    }

    /** Only the service's own configuration file, so the tests' profile {@code local} is not added. */
    private static ConfigurableApplicationContext start(String... secrets) {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.location=classpath:/application.yml",
                "--server.port=0", "--spring.mongodb.uri=" + EmbeddedMongo.shared().uri("notifications-start"),
                "--accord.identity.issuer-uri=http://localhost:1/realms/alliance",
                "--accord.notifications.fanout.poll=1h", "--accord.notifications.delivery.poll-interval=1h"));
        arguments.addAll(List.of(secrets));
        return SpringApplication.run(NotificationsApplication.class, arguments.toArray(String[]::new));
    }

    private static String randomText(int characters) {
        return randomKey(characters).substring(0, characters);
    }

    private static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
