package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator backs up the running platform with the launcher's command while a partner system keeps opening cases
 * and a person signs in for the first time, then restores the backup into a fresh folder and starts the platform on
 * it: every case answered {@code 201} before the backup began is there, and so is the account a first sign-in made
 * before it, which signs in again as the same person. The commands run as their own processes, as on the command line.
 */
class BackupIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WRITERS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path root = LaunchSettings.findProjectRoot();
    private final List<Path> folders = new ArrayList<>();
    private LocalPlatform platform;

    @AfterEach
    void stopAndDelete() throws IOException {
        if (platform != null) {
            platform.close();
        }
        for (Path folder : folders) {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    @Test
    void aBackupTakenWhileCasesAreOpenedRestoresEveryAcknowledgedWriteAndAccount() throws Exception {
        Path dataDir = folder("accord-backed-up");
        Path backups = folder("accord-backups");
        LaunchSettings settings = LaunchSettings.onFreePorts(root, dataDir);
        platform = unlimited(new LocalPlatform(settings)).start();
        String adminPassword = platform.keycloakAdminPassword();
        AllianceLogins logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(), adminPassword);
        int databasePort = keycloakDatabasePort(dataDir);
        assertThat(accepts(InetAddress.getLoopbackAddress(), databasePort)).as("Keycloak's database server").isTrue();
        for (InetAddress outside : addressesOfOtherInterfaces()) {
            assertThat(accepts(outside, databasePort)).as("Keycloak's database server on %s", outside).isFalse();
        }
        // a first sign-in makes the German analyst's account in the alliance realm
        String subject = me(logins.gatewaySession("de-analyst")).path("subject").asString();

        Writers writers = new Writers(platform.gatewayUrl(), logins.systemsToken("fr"));
        writers.start();
        writers.awaitAcknowledged(30);
        long begun = System.nanoTime();
        CompletableFuture<BrowserSession> firstSignInDuring = CompletableFuture
                .supplyAsync(() -> logins.gatewaySession("gb-analyst"));
        Command folderBackup = launcher("backup", backups.resolve("folder").toString(), "--data=" + dataDir);
        Command archiveBackup = launcher("backup", backups.resolve("archive.zip").toString(), "--data=" + dataDir);
        long ended = System.nanoTime();
        me(firstSignInDuring.join());
        writers.stop();

        assertThat(folderBackup.exit()).as(folderBackup.output()).isZero();
        assertThat(folderBackup.output()).contains("Backed up", "Keycloak's database", "in memory only");
        assertThat(archiveBackup.exit()).as(archiveBackup.output()).isZero();
        assertThat(writers.acknowledgedBetween(begun, ended)).as("cases opened while the backups ran").isNotEmpty();
        Map<String, String> before = writers.acknowledgedBefore(begun);
        assertThat(before).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Files.getPosixFilePermissions(backups.resolve("archive.zip"))).as("readable by its owner only")
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Command whileRunning = launcher("restore", backups.resolve("archive.zip").toString(), "--data=" + dataDir,
                "--replace");
        assertThat(whileRunning.exit()).isEqualTo(1);
        assertThat(whileRunning.output()).contains("a launcher runs on " + dataDir);
        Path occupied = folder("accord-occupied");
        Files.writeString(occupied.resolve("notes.txt"), "kept");
        Command overExisting = launcher("restore", backups.resolve("folder").toString(), "--data=" + occupied);
        assertThat(overExisting.exit()).isEqualTo(1);
        assertThat(overExisting.output()).contains("already holds a data folder", "--replace");
        assertThat(occupied.resolve("notes.txt")).hasContent("kept");

        platform.close();
        Path fromFolder = folder("accord-from-folder");
        Command folderRestore = launcher("restore", backups.resolve("folder").toString(), "--data=" + fromFolder);
        assertThat(folderRestore.exit()).as(folderRestore.output()).isZero();
        Path restored = folder("accord-restored").resolve("data");
        Command restore = launcher("restore", backups.resolve("archive.zip").toString(), "--data=" + restored);
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(files(fromFolder)).as("a folder and an archive restore the same files").isEqualTo(files(restored))
                .contains("mongo/" + DocumentStore.FILE, KeycloakAdminPassword.FILE);

        // the realm's sign-in addresses name the gateway's port, so the restored folder starts on the same ports
        platform = unlimited(new LocalPlatform(LaunchSettings.onFreePorts(root, restored).withPorts(settings.ports())))
                .start();
        assertThat(platform.keycloakAdminPassword()).isEqualTo(adminPassword);
        AllianceLogins restoredLogins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                platform.keycloakAdminPassword());
        String token = restoredLogins.systemsToken("fr");
        for (Map.Entry<String, String> acknowledged : before.entrySet()) {
            HttpResponse<String> kept = call("GET", platform.gatewayUrl() + "/api/cases/" + acknowledged.getKey(),
                    token, null);
            assertThat(kept.statusCode()).as("case %s answered 201 before the backup", acknowledged.getKey())
                    .isEqualTo(200);
            assertThat(JSON.readTree(kept.body()).path("title").asString()).isEqualTo(acknowledged.getValue());
        }
        assertThat(me(restoredLogins.gatewaySession("de-analyst")).path("subject").asString())
                .as("the account made before the backup, signing in again").isEqualTo(subject);
    }

    /** Partner systems opening cases one after another, each creation noted with when its 201 arrived. */
    private final class Writers {

        private final String gatewayUrl;
        private final String token;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        private final List<Thread> threads = new ArrayList<>();

        private record Acknowledged(String title, long at) {
        }

        Writers(String gatewayUrl, String token) {
            this.gatewayUrl = gatewayUrl;
            this.token = token;
        }

        void start() {
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                Thread thread = new Thread(() -> write(writer), "writer-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        private void write(int writer) {
            for (int n = 0; !stopped.get(); n++) {
                String title = "Backed-up case " + writer + "-" + n;
                HttpResponse<String> created;
                try {
                    created = call("POST", gatewayUrl + "/api/cases", token, """
                        {"title": "%s", "summary": "Opened while the platform was backed up.",
                         "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}],
                         "namedRecipients": [], "tags": []}
                        """.formatted(title));
                } catch (UncheckedIOException noAnswer) {
                    continue;
                }
                long at = System.nanoTime();
                // anything else was not acknowledged, so nothing is owed of it
                if (created.statusCode() == 201) {
                    acknowledged.put(JSON.readTree(created.body()).path("id").asString(), new Acknowledged(title, at));
                }
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            while (acknowledged.size() < count) {
                Thread.sleep(100);
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }

        /** The cases whose 201 arrived before the moment, by id, with their titles. */
        Map<String, String> acknowledgedBefore(long moment) {
            Map<String, String> cases = new HashMap<>();
            acknowledged.forEach((id, ack) -> {
                if (moment - ack.at() > 0) {
                    cases.put(id, ack.title());
                }
            });
            return cases;
        }

        Map<String, String> acknowledgedBetween(long from, long to) {
            Map<String, String> cases = acknowledgedBefore(to);
            cases.keySet().removeAll(acknowledgedBefore(from).keySet());
            return cases;
        }
    }

    private record Command(int exit, String output) {
    }

    /** The launcher's command line, in its own JVM from the project folder, as an operator runs it. */
    private Command launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AccordLauncher.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Command(process.waitFor(), output);
    }

    /** The writers and the checks call far faster than a person: the gateway's rate limit is lifted for them. */
    private static LocalPlatform unlimited(LocalPlatform platform) {
        return platform.with("gateway", "accord.gateway.rate-limit.replenish-rate", "10000")
                .with("gateway", "accord.gateway.rate-limit.burst-capacity", "10000");
    }

    private Path folder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        folders.add(folder);
        return folder;
    }

    /** The port of H2's automatic server, as the lock file of Keycloak's open database names it. */
    private static int keycloakDatabasePort(Path dataDir) throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir.resolve("keycloak"))) {
            Path lock = walk.filter(file -> file.getFileName().toString().equals("keycloakdb.lock.db")).findFirst()
                    .orElseThrow();
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(lock)) {
                properties.load(in);
            }
            String server = properties.getProperty("server");
            return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        }
    }

    /** The IPv4 addresses of this machine's interfaces that are up and not the loopback one; there may be none. */
    private static List<InetAddress> addressesOfOtherInterfaces() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream()
                        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()).sorted()
                    .toList();
        }
    }

    private JsonNode me(BrowserSession session) {
        BrowserSession.Page me = session.get(platform.gatewayUrl() + "/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return JSON.readTree(me.body());
    }

    private HttpResponse<String> call(String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
