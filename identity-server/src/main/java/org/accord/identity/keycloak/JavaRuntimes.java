package org.accord.identity.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK new enough for Keycloak (21+), whichever JDK runs the platform itself: {@code KEYCLOAK_JAVA_HOME},
 * then {@code JAVA_HOME} and the running JDK if new enough, then the JDKs installed in the usual places, newest first.
 */
public final class JavaRuntimes {

    public static final int KEYCLOAK_MINIMUM = 21;

    private static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
            Path.of("/opt/java"), Path.of("/opt"), Path.of("/Library/Java/JavaVirtualMachines"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));

    private JavaRuntimes() {
    }

    public static Path keycloakJavaHome() {
        List<Path> candidates = new ArrayList<>();
        envPath("KEYCLOAK_JAVA_HOME").ifPresent(candidates::add);
        envPath("JAVA_HOME").ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Path root : INSTALL_ROOTS) {
            candidates.addAll(installedUnder(root));
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> majorVersion(home) >= KEYCLOAK_MINIMUM)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK " + KEYCLOAK_MINIMUM
                        + " or newer and none was found. Install one (for example the Debian package "
                        + "openjdk-21-jdk-headless or a Temurin 21+ JDK) or point KEYCLOAK_JAVA_HOME at it."));
    }

    private static Optional<Path> envPath(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private static List<Path> installedUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .map(child -> Files.isDirectory(child.resolve("Contents/Home")) ? child.resolve("Contents/Home")
                            : child)
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparingInt(JavaRuntimes::majorVersion).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The major version from the JDK's {@code release} file; 0 when it cannot be told. */
    static int majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String major = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < major.length() && Character.isDigit(major.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(major.substring(0, end));
    }
}
