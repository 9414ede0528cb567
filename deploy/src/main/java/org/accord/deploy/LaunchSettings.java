package org.accord.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the platform finds its parts and keeps its data, and how it runs them.
 *
 * @param projectRoot   the Accord project folder, holding {@code identity/keycloak} and each module's built jar
 * @param dataDir       where the MongoDB file, Keycloak's installation and database, and the logs are kept
 * @param ports         the ports of every part
 * @param serviceMemory the maximum heap of each service and of the gateway, as for {@code -Xmx}
 * @param startTimeout  how long each part may take to become healthy
 * @param bindAddress   the interface every part listens on: the loopback interface ({@value #LOOPBACK}) unless told
 *                      otherwise, so nothing of the local platform, its demo accounts included, is reachable from
 *                      another machine; or every interface ({@value #EVERY_INTERFACE})
 */
public record LaunchSettings(Path projectRoot, Path dataDir, Ports ports, String serviceMemory,
        Duration startTimeout, String bindAddress) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";

    public LaunchSettings {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        bindAddress = bindAddress == null ? LOOPBACK : bindAddress;
        if (!bindAddress.equals(LOOPBACK) && !bindAddress.equals(EVERY_INTERFACE)) {
            throw new LaunchException("the platform listens on " + LOOPBACK + " or on " + EVERY_INTERFACE + ", not on "
                    + bindAddress);
        }
    }

    /** The run command's settings: the project folder it runs in, {@code ./data}, the README's ports. */
    public static LaunchSettings defaults() {
        Path root = findProjectRoot();
        return new LaunchSettings(root, root.resolve("data"), Ports.defaults(), "256m", Duration.ofMinutes(4),
                LOOPBACK);
    }

    /** Settings on free ports, for starting the platform beside anything else that runs on this machine. */
    public static LaunchSettings onFreePorts(Path projectRoot, Path dataDir) {
        return new LaunchSettings(projectRoot, dataDir, Ports.free(), "256m", Duration.ofMinutes(4), LOOPBACK);
    }

    /** The same platform on other ports. */
    public LaunchSettings withPorts(Ports other) {
        return new LaunchSettings(projectRoot, dataDir, other, serviceMemory, startTimeout, bindAddress);
    }

    /** The same platform keeping its data in another folder. */
    public LaunchSettings withDataDir(Path other) {
        return new LaunchSettings(projectRoot, other, ports, serviceMemory, startTimeout, bindAddress);
    }

    /** The same platform listening on every interface of this machine, reachable from others. */
    public LaunchSettings onEveryInterface() {
        return new LaunchSettings(projectRoot, dataDir, ports, serviceMemory, startTimeout, EVERY_INTERFACE);
    }

    /** The folder above the working directory that holds the realm files and the modules. */
    public static Path findProjectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("identity/keycloak")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new LaunchException("Run the launcher from the Accord project folder: no identity/keycloak above "
                + start);
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path log(String part) {
        return logs().resolve(part + ".log");
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/alliance";
    }
}
