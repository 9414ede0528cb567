package org.accord.identity.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a process outside the local launch (the Spring profile {@code local}) while a secret it uses is
 * missing, a demo value of the local launch or too short. It runs once the configuration is read and before anything
 * is built, so a refused process has connected to nothing and served nothing.
 */
public final class SecretSettingsCheck implements EnvironmentPostProcessor, Ordered {

    /** The profile of the local launch and the tests, the only place the demo secrets are accepted. */
    public static final String LOCAL_PROFILE = "local";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        Collection<String> demoValues = DemoSecrets.values();
        List<String> problems = new ArrayList<>();
        for (SecretSetting setting : SecretSetting.declaredIn(environment)) {
            setting.problem(valueOf(environment, setting), demoValues)
                    .ifPresent(problem -> problems.add(setting + " " + problem));
        }
        if (!problems.isEmpty()) {
            throw new UnsafeSecretsException(problems);
        }
    }

    private static String valueOf(ConfigurableEnvironment environment, SecretSetting setting) {
        try {
            return environment.getProperty(setting.property());
        } catch (IllegalArgumentException unresolvable) {
            // ${VARIABLE} without a default and the variable unset
            return null;
        }
    }

    /** After the configuration files are read and the profiles known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
