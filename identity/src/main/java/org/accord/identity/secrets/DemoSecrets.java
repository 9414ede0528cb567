package org.accord.identity.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local launch's secrets by environment variable, from the one file that holds them. Keycloak is given them when
 * the launcher or the tests start it, the processes read them in the profile {@code local}, and outside it they are
 * refused as known values.
 */
public final class DemoSecrets {

    /** Where the values live, for a process's {@code spring.config.import} in its {@code local} profile. */
    public static final String RESOURCE = "org/accord/identity/secrets/demo-secrets.properties";

    private DemoSecrets() {
    }

    /** Each environment variable with its demo value. */
    public static Map<String, String> byVariable() {
        Properties properties = new Properties();
        try (InputStream in = DemoSecrets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the identity library");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(name -> secrets.put(name, properties.getProperty(name)));
        return Map.copyOf(secrets);
    }

    public static Collection<String> values() {
        return byVariable().values();
    }
}
