package org.accord.identity.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs the Keycloak distribution from Maven Central as a child process, with the checked-in realms and their demo set
 * imported (demo governments, partner systems and the platform clients' demo secrets, see {@link DemoRealms}). Used by
 * the local launcher (fixed ports, data kept on disk) and by the integration tests (free ports, in memory); production
 * imports only the realm folder's own files, which a test can import alone too. The demo governments' realms use the project's Keycloak extension, which the same build makes
 * beside the realm folder ({@value #EXTENSION}) and which is installed among the distribution's providers.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The extension's jar, relative to the project folder that holds the realm folder {@code identity/keycloak}. */
    static final String EXTENSION = "identity-keycloak-extension/target/accord-keycloak-extension.jar";

    /**
     * What Keycloak adds to its {@code dev-file} H2 address. {@code WRITE_DELAY=0}: H2 writes a committed transaction
     * to its file at once, not up to half a second after Keycloak answered. {@code AUTO_SERVER}: H2's automatic
     * server, so the launcher can ask the running database for a consistent copy of itself; its port is random and
     * answers only the key H2 writes in the database's lock file, and {@code h2.bindAddress} keeps it on the loopback
     * interface. H2 refuses that server with the {@code DB_CLOSE_ON_EXIT=FALSE} Keycloak adds unless told otherwise,
     * so the database closes with the JVM.
     */
    static final String DEV_FILE_URL_PROPERTIES = ";WRITE_DELAY=0;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=TRUE";

    private final Settings settings;
    private final Consumer<Process> outputReader;
    private Process process;
    private volatile Path home;

    /**
     * @param distributionZip the {@code keycloak-quarkus-dist} zip
     * @param installRoot     where the distribution is unpacked (one folder per version)
     * @param realmDirectory  the folder holding the realm files ({@code identity/keycloak}), with the demo set in its
     *                        {@code demo} folder
     * @param httpPort        Keycloak's HTTP port
     * @param managementPort  Keycloak's management port
     * @param persistent      keep Keycloak's own database on disk ({@code dev-file}) or in memory ({@code dev-mem})
     * @param environment     extra environment, such as the placeholders the realm files use
     * @param log             where Keycloak's output is, named in messages and read for their last lines
     * @param demoSecrets     the local launch's secrets by variable, given to the platform's clients of the demo
     *                        set imported with the realm folder's files; none: those files alone, as production
     *                        imports them
     */
    public record Settings(Path distributionZip, Path installRoot, Path realmDirectory, int httpPort,
            int managementPort, boolean persistent, Map<String, String> environment, Path log,
            Map<String, String> demoSecrets) {

        /** Whether the demo set is imported, as the local launch and most tests do. */
        boolean demoSet() {
            return !demoSecrets.isEmpty();
        }
    }

    /** A Keycloak whose output, its errors joined in, is written straight to the settings' log. */
    public KeycloakServer(Settings settings) {
        this(settings, null);
    }

    /**
     * A Keycloak whose output, its errors joined in, is read by {@code outputReader} from the moment it runs and
     * while it is awaited; the reader writes it to the settings' log in its own way (the launcher's rolling logs).
     */
    public KeycloakServer(Settings settings, Consumer<Process> outputReader) {
        this.settings = settings;
        this.outputReader = outputReader;
    }

    public String baseUrl() {
        return "http://localhost:" + settings.httpPort();
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** Starts Keycloak and waits until the alliance realm answers; the lock keeps two starts from one install apart. */
    public KeycloakServer start(Duration timeout) {
        try {
            home = unpack();
            Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                copyRealms(home.resolve("data/import"));
                installExtension(home.resolve("providers"));
                process = launch(home);
                awaitReady(timeout);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Keycloak", e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Keycloak's database while it runs on disk ({@code dev-file}).
     *
     * @param file   the H2 database's path without H2's suffixes, as Keycloak names it
     * @param driver the H2 driver of Keycloak's distribution, the one version that surely speaks to it
     */
    public record Database(Path file, Path driver) {

        /** H2's lock file of the open database, which names its automatic server's address and key. */
        public Path lockFile() {
            return file.resolveSibling(file.getFileName() + ".lock.db");
        }
    }

    /** Keycloak's database; only for a started Keycloak that keeps it on disk. */
    public Database database() {
        if (home == null || !settings.persistent()) {
            throw new IllegalStateException("only a started Keycloak keeping its database on disk has one to copy");
        }
        try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
            Path driver = jars.filter(jar -> jar.getFileName().toString().matches("com\\.h2database\\.h2-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no H2 driver in " + home));
            return new Database(home.resolve("data/h2/keycloakdb"), driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops Keycloak. Its start script sometimes runs the JVM as a child instead of replacing itself with it, so the
     * script's descendants are stopped too, never left running.
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        List<ProcessHandle> all = new ArrayList<>(descendants);
        all.add(process.toHandle());
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Unpacks the distribution once into its own folder and answers Keycloak's home, the zip's single top folder. */
    private Path unpack() throws IOException {
        String folder = settings.distributionZip().getFileName().toString().replaceFirst("\\.zip$", "");
        Path root = settings.installRoot().resolve(folder).toAbsolutePath();
        Path marker = root.resolve(".unpacked");
        Files.createDirectories(root);
        try (FileChannel channel = FileChannel.open(root.resolve(".unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (!Files.exists(marker)) {
                extract(root);
                Files.createFile(marker);
            }
        }
        try (Stream<Path> children = Files.list(root)) {
            Path home = children.filter(child -> Files.isRegularFile(child.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("no Keycloak distribution under " + root));
            for (String script : List.of("kc.sh", "kcadm.sh", "kcreg.sh")) {
                home.resolve("bin").resolve(script).toFile().setExecutable(true);
            }
            return home;
        }
    }

    private void extract(Path root) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(settings.distributionZip()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("unexpected entry in the Keycloak distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void copyRealms(Path importDirectory) throws IOException {
        Files.createDirectories(importDirectory);
        try (Stream<Path> old = Files.list(importDirectory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        if (settings.demoSet()) {
            DemoRealms.write(settings.realmDirectory(), importDirectory, settings.demoSecrets());
        } else {
            DemoRealms.writeProduction(settings.realmDirectory(), importDirectory);
        }
    }

    /**
     * Puts the extension among Keycloak's providers, replacing it only when its bytes changed: a new provider makes
     * the next start rebuild Keycloak, which costs several seconds.
     */
    private void installExtension(Path providers) throws IOException {
        Path built = settings.realmDirectory().toAbsolutePath().normalize().getParent().getParent().resolve(EXTENSION);
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("the Keycloak extension " + built + " is missing: build the project first"
                    + " with ./mvnw -q -B -DskipTests package");
        }
        Path installed = providers.resolve(built.getFileName());
        Files.createDirectories(providers);
        if (!Files.isRegularFile(installed) || Files.mismatch(built, installed) != -1) {
            Files.copy(built, installed, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Process launch(Path home) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--cache=local"));
        if (settings.persistent()) {
            command.addAll(List.of("--db=dev-file", "--db-url-properties=" + DEV_FILE_URL_PROPERTIES));
        } else {
            command.add("--db=dev-mem");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", JavaRuntimes.keycloakJavaHome().toString());
        env.remove("JAVA_OPTS");
        env.put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m --add-opens=java.base/java.lang=ALL-UNNAMED"
                + " -Dh2.bindAddress=127.0.0.1");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put("ACCORD_KEYCLOAK_URL", baseUrl());
        placeholders.putAll(settings.environment());
        env.putAll(placeholders);
        builder.redirectErrorStream(true);
        if (outputReader == null) {
            Files.createDirectories(settings.log().toAbsolutePath().getParent());
            builder.redirectOutput(settings.log().toFile());
        }
        Process started = builder.start();
        if (outputReader != null) {
            outputReader.accept(started);
        }
        return started;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(issuer("alliance") + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + settings.log().toAbsolutePath() + tail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(wellKnown)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Keycloak is still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + timeout + "; see "
                + settings.log().toAbsolutePath() + tail());
    }

    private String tail() {
        try (InputStream in = Files.newInputStream(settings.log())) {
            String text = new String(in.readAllBytes());
            return "\n" + text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            return "";
        }
    }
}
