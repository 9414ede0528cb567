package org.accord.identity.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * A setting that holds a secret: a property whose configured value is an environment variable named
 * {@code …_SECRET} (a client secret) or {@code …_SECRET_KEY} (a key, base64-encoded). The configuration naming the
 * variable is the declaration: a secret added that way is checked without further code.
 *
 * @param property the Spring property, e.g. {@code accord.relay.client-secret}
 * @param variable the environment variable its configuration reads, e.g. {@code ACCORD_CASES_SECRET}
 */
public record SecretSetting(String property, String variable) {

    /** Shortest client secret accepted outside the local launch. */
    public static final int MIN_CLIENT_SECRET_CHARACTERS = 32;
    /** Shortest key accepted outside the local launch, in bytes once decoded. */
    public static final int MIN_KEY_BYTES = 32;

    /** {@code ${VARIABLE}} or {@code ${VARIABLE:default}} and nothing else, the variable naming a secret. */
    public static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*_SECRET(?:_KEY)?)(?::[^}]*)?}");

    /** The secret settings the environment's configuration declares, the first declaration of a property winning. */
    public static List<SecretSetting> declaredIn(ConfigurableEnvironment environment) {
        Map<String, SecretSetting> settings = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String property : names.getPropertyNames()) {
                    Matcher reference = REFERENCE.matcher(String.valueOf(names.getProperty(property)).trim());
                    if (reference.matches()) {
                        settings.putIfAbsent(property, new SecretSetting(property, reference.group(1)));
                    }
                }
            }
        }
        return new ArrayList<>(settings.values());
    }

    public boolean isKey() {
        return variable.endsWith("_SECRET_KEY");
    }

    /** What is wrong with {@code value}, in words that never repeat it; empty when it will do. */
    public Optional<String> problem(String value, Collection<String> demoValues) {
        if (value == null || value.isBlank()) {
            return Optional.of("is not set");
        }
        if (demoValues.contains(value.trim())) {
            return Optional.of("holds a demo value of the local launch, which anyone who reads the repository knows");
        }
        if (isKey()) {
            return decodedLength(value.trim()) < MIN_KEY_BYTES
                    ? Optional.of("is not the base64 of a key of at least " + MIN_KEY_BYTES + " random bytes")
                    : Optional.empty();
        }
        return value.length() < MIN_CLIENT_SECRET_CHARACTERS
                ? Optional.of("is too short: a client secret needs at least " + MIN_CLIENT_SECRET_CHARACTERS
                        + " characters")
                : Optional.empty();
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException notBase64) {
            return 0;
        }
    }

    /** How a message names the setting: the property and the environment variable, never the value. */
    @Override
    public String toString() {
        return property + " (environment variable " + variable + ")";
    }
}
