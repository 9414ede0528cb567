package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.accord.identity.keycloak.KeycloakServer;
import org.accord.identity.secrets.DemoSecrets;

/**
 * The whole platform on this machine: the embedded MongoDB server, the mail server, Keycloak, the three services
 * and the gateway, started in that order and stopped in the reverse one. One instance starts once; a second start on
 * the same data folder is a new instance.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final List<String> SERVICES = List.of("cases", "tasks", "notifications");

    private final LaunchSettings settings;
    private final KeycloakAdminPassword keycloakAdmin;
    private final Consumer<String> progress;
    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, Launch> launches = new ConcurrentHashMap<>();
    private final Set<ServiceProcess> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, String>> extraProperties = new ConcurrentHashMap<>();
    private final CountDownLatch startEnded = new CountDownLatch(1);
    private volatile Thread starter;
    private volatile boolean closing;
    private volatile Duration startupTime;

    public LocalPlatform(LaunchSettings settings) {
        this(settings, message -> System.out.println(message));
    }

    /** @param progress told of each step, for the person waiting at the terminal */
    public LocalPlatform(LaunchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.keycloakAdmin = KeycloakAdminPassword.of(settings.dataDir());
    }

    /** Starts every part and waits until each is healthy; on failure, stops what had started and says why. */
    public LocalPlatform start() {
        synchronized (this) {
            if (starter != null || startupTime != null || closing) {
                throw new IllegalStateException("a platform starts once; make a new one to start again");
            }
            starter = Thread.currentThread();
        }
        Instant begin = Instant.now();
        try {
            Ports ports = settings.ports();
            ports.ensureFree();
            Map<String, Path> jars = new LinkedHashMap<>();
            Stream.concat(SERVICES.stream(), Stream.of("gateway"))
                    .forEach(module -> jars.put(module, ServiceProcess.jar(settings.projectRoot(), module)));
            Path keycloakZip = keycloakDistribution();
            Files.createDirectories(settings.logs());

            String address = settings.bindAddress();
            progress.accept("Every part listens on " + address + (address.equals(LaunchSettings.LOOPBACK)
                    ? " (this machine only)" : " (every interface: reachable from other machines)"));
            progress.accept("Starting the embedded MongoDB server on port " + ports.mongo());
            DocumentStore mongo = register(DocumentStore.start(settings.dataDir().resolve(DocumentStore.FOLDER),
                    address, ports.mongo()));
            progress.accept("Starting the mail server: SMTP on port " + ports.smtp() + ", IMAP on port " + ports.imap());
            register(MailServer.start(address, ports.smtp(), ports.imap()));
            progress.accept("Starting Keycloak on port " + ports.keycloak());
            KeycloakServer keycloak = startKeycloak(keycloakZip);

            progress.accept("Starting the services and the gateway");
            for (String service : SERVICES) {
                launch(service, jars.get(service), port(service), serviceProperties(service, mongo));
            }
            launch("gateway", jars.get("gateway"), ports.gateway(), gatewayProperties());
            awaitHealthy(processes, Instant.now().plus(settings.startTimeout()));
            register(LauncherControl.open(settings.dataDir(),
                    new OnlineBackup(settings.dataDir(), mongo, keycloak)::writeTo));
            startupTime = Duration.between(begin, Instant.now());
            return this;
        } catch (IOException e) {
            failStart();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            failStart();
            throw new LaunchException("stopped while starting");
        } catch (RuntimeException e) {
            failStart();
            throw closing ? new LaunchException("stopped while starting", e) : e;
        } finally {
            starter = null;
            startEnded.countDown();
        }
    }

    /** When a stop interrupted the start, the stopping thread closes the parts; otherwise the start cleans up. */
    private void failStart() {
        if (!closing) {
            stopParts();
        }
    }

    private <T extends AutoCloseable> T register(T part) {
        running.push(part);
        if (closing) {
            throw new LaunchException("stopped while starting");
        }
        return part;
    }

    private Path keycloakDistribution() throws IOException {
        Path folder = settings.projectRoot().resolve("deploy/target/keycloak");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                Path zip = files.filter(f -> f.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.zip"))
                        .findFirst().orElse(null);
                if (zip != null) {
                    return zip;
                }
            }
        }
        throw new LaunchException("the Keycloak distribution is missing from deploy/target/keycloak: build the"
                + " platform first with ./mvnw -q -B -DskipTests package");
    }

    private KeycloakServer startKeycloak(Path distribution) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ACCORD_GATEWAY_URL", settings.gatewayUrl());
        // Keycloak's own settings: its interface (the management one follows it) and its first administrator's
        // password, which only the first start of a data folder uses
        environment.put("KC_HTTP_HOST", settings.bindAddress());
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", keycloakAdmin.password());
        KeycloakPart part = register(new KeycloakPart(new KeycloakServer.Settings(distribution,
                settings.dataDir().resolve("keycloak"), settings.projectRoot().resolve("identity/keycloak"),
                settings.ports().keycloak(), settings.ports().keycloakManagement(), true,
                Map.copyOf(environment), settings.log("keycloak"), DemoSecrets.byVariable())));
        try {
            part.server.start(settings.startTimeout());
        } catch (RuntimeException e) {
            if (closing) {
                throw e;
            }
            throw new LaunchException("Keycloak did not start: " + e.getMessage(), e);
        }
        return part.server;
    }

    private int managementPort(String module) {
        Ports ports = settings.ports();
        return switch (module) {
            case "cases" -> ports.casesManagement();
            case "tasks" -> ports.tasksManagement();
            case "notifications" -> ports.notificationsManagement();
            case "gateway" -> ports.gatewayManagement();
            default -> throw new IllegalArgumentException(module);
        };
    }

    private int port(String service) {
        Ports ports = settings.ports();
        return switch (service) {
            case "cases" -> ports.cases();
            case "tasks" -> ports.tasks();
            case "notifications" -> ports.notifications();
            case "gateway" -> ports.gateway();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private String serviceUrl(String service) {
        return "http://localhost:" + port(service);
    }

    private Map<String, String> commonProperties(String module) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port(module)));
        properties.put("server.address", settings.bindAddress());
        properties.put("management.server.port", Integer.toString(managementPort(module)));
        properties.put("management.server.address", settings.bindAddress());
        properties.put("spring.profiles.active", "local");
        properties.put("accord.identity.issuer-uri", settings.issuer());
        return properties;
    }

    private Map<String, String> serviceProperties(String service, DocumentStore mongo) {
        Map<String, String> properties = commonProperties(service);
        properties.put("spring.mongodb.uri", mongo.uri(service));
        if (service.equals("notifications")) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", Integer.toString(settings.ports().smtp()));
            // the local demo's partner webhooks may listen on this machine; production never allows it
            properties.put("accord.notifications.allow-loopback-webhooks", "true");
            // asked at delivery time who may see a case, and for an action's events which countries it has
            properties.put("accord.notifications.cases-url", serviceUrl("cases"));
            properties.put("accord.notifications.tasks-url", serviceUrl("tasks"));
        }
        if (service.equals("tasks")) {
            properties.put("accord.tasks.cases-url", "http://localhost:" + settings.ports().cases());
        }
        if (service.equals("cases") || service.equals("tasks")) {
            // each relays its outbox events to notifications with its own client-credentials token
            properties.put("accord.relay.notifications-url", serviceUrl("notifications"));
        }
        return properties;
    }

    /**
     * One more setting for a service or the gateway, given at its start after the platform's own (for a benchmark
     * or a test that needs, say, its own trust store); call before {@link #start()}.
     */
    public LocalPlatform with(String module, String property, String value) {
        extraProperties.computeIfAbsent(module, m -> new ConcurrentHashMap<>()).put(property, value);
        return this;
    }

    private Map<String, String> gatewayProperties() {
        Map<String, String> properties = commonProperties("gateway");
        properties.put("accord.gateway.public-origin", settings.gatewayUrl());
        for (String service : SERVICES) {
            properties.put("accord.gateway." + service + "-url", serviceUrl(service));
        }
        return properties;
    }

    /** How a service or the gateway was started, so it can be started again alone. */
    private record Launch(Path jar, int port, Map<String, String> properties) {
    }

    private ServiceProcess launch(String module, Path jar, int port, Map<String, String> platformProperties) {
        Map<String, String> properties = new LinkedHashMap<>(platformProperties);
        properties.putAll(extraProperties.getOrDefault(module, Map.of()));
        launches.put(module, new Launch(jar, port, Map.copyOf(properties)));
        String name = module.equals("gateway") ? "gateway" : module + " service";
        ServiceProcess process = ServiceProcess.launch(name, jar, port, settings.serviceMemory(), properties,
                settings.projectRoot(), settings.log(module));
        processes.add(process);
        register(process);
        process.process().onExit().thenAccept(exited -> {
            if (!closing && startupTime != null && !stoppedOnPurpose.contains(process)) {
                progress.accept("The " + name + " stopped with exit code " + exited.exitValue() + "; see "
                        + process.log());
            }
        });
        return process;
    }

    /** Stops one service or the gateway as an operator would, letting it shut down, while the rest keeps running. */
    public void stop(String module) {
        ServiceProcess process = running(module);
        stoppedOnPurpose.add(process);
        process.close();
        forget(process);
    }

    /** Ends one service or the gateway at once, as a crash or a killed container would, mid-flight. */
    public void kill(String module) {
        ServiceProcess process = running(module);
        stoppedOnPurpose.add(process);
        process.kill();
        forget(process);
    }

    /** Starts a service or the gateway stopped by {@link #stop} or {@link #kill} again and waits until it is UP. */
    public void start(String module) {
        Launch launch = launches.get(module);
        if (launch == null || startupTime == null || closing) {
            throw new IllegalStateException("only a part of a running platform starts again: " + module);
        }
        if (processes.stream().anyMatch(process -> process.port() == launch.port())) {
            throw new IllegalStateException(module + " is running");
        }
        ServiceProcess process = launch(module, launch.jar(), launch.port(), launch.properties());
        try {
            awaitHealthy(List.of(process), Instant.now().plus(settings.startTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("stopped while starting the " + process.name());
        }
    }

    private ServiceProcess running(String module) {
        Launch launch = launches.get(module);
        return processes.stream().filter(process -> launch != null && process.port() == launch.port()).findFirst()
                .orElseThrow(() -> new IllegalStateException(module + " is not running"));
    }

    private void forget(ServiceProcess process) {
        processes.remove(process);
        running.remove(process);
    }

    private void awaitHealthy(List<ServiceProcess> parts, Instant deadline) throws InterruptedException {
        List<ServiceProcess> waiting = new ArrayList<>(parts);
        while (!waiting.isEmpty()) {
            for (Iterator<ServiceProcess> it = waiting.iterator(); it.hasNext();) {
                ServiceProcess process = it.next();
                process.failIfExited();
                if (process.isHealthy()) {
                    progress.accept("  " + process.name() + " is up on port " + process.port());
                    it.remove();
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                ServiceProcess late = waiting.get(0);
                throw new LaunchException("the " + late.name() + " did not report UP at http://localhost:"
                        + late.port() + "/readyz within " + settings.startTimeout().toSeconds()
                        + " s; see " + late.log() + LogTail.of(late.log(), 25));
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(500);
            }
        }
    }

    /**
     * Stops everything in the reverse order of the start and waits until every child process has ended. Safe to
     * call from a shutdown hook while {@link #start()} still runs in another thread, and more than once.
     */
    @Override
    public void close() {
        closing = true;
        Thread startingThread = starter;
        if (startingThread != null && startingThread != Thread.currentThread()) {
            startingThread.interrupt();
            try {
                startEnded.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopParts();
    }

    private synchronized void stopParts() {
        // every JVM shuts down at the same time; each is then waited for in turn
        processes.forEach(ServiceProcess::requestStop);
        for (AutoCloseable part; (part = running.poll()) != null;) {
            try {
                part.close();
            } catch (Exception e) {
                progress.accept("Could not stop " + part + " cleanly: " + e.getMessage());
            }
        }
    }

    boolean hasRunningParts() {
        return !running.isEmpty();
    }

    public LaunchSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    /** The password of Keycloak's {@code admin} account on this data folder. */
    public String keycloakAdminPassword() {
        return keycloakAdmin.password();
    }

    /** Where the operators of a service or the gateway find its metrics and detailed health. */
    public String managementUrl(String module) {
        return "http://localhost:" + managementPort(module);
    }

    /** Where a service listens, for callers that go around the gateway. */
    public String url(String module) {
        return serviceUrl(module);
    }

    /** How long the last start took, from the port check to the last part reporting UP. */
    public Duration startupTime() {
        if (startupTime == null) {
            throw new IllegalStateException("the platform has not started");
        }
        return startupTime;
    }

    /** The resident memory of the launcher and every process it started; empty where it cannot be read. */
    public OptionalLong residentMemory() {
        return ResidentMemory.ofLauncherAndChildren();
    }

    /** Keycloak as one of the parts, named in messages, its output in its rolling log. */
    private static final class KeycloakPart implements AutoCloseable {

        private final KeycloakServer server;
        private volatile RollingLog log;

        KeycloakPart(KeycloakServer.Settings settings) {
            server = new KeycloakServer(settings,
                    process -> log = RollingLog.follow(process, settings.log(), "keycloak"));
        }

        /** Stops Keycloak and waits briefly until its last lines are in its log. */
        @Override
        public void close() throws InterruptedException {
            server.close();
            RollingLog output = log;
            if (output != null) {
                output.awaitEnd(Duration.ofSeconds(5));
            }
        }

        @Override
        public String toString() {
            return "Keycloak";
        }
    }
}
