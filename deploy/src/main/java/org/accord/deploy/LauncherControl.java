package org.accord.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * How the launcher's own commands reach a running launcher: an HTTP endpoint on the loopback interface, on a port
 * chosen at random, that answers only a secret made at random on each start. Both are written in the data folder
 * ({@value #FILE}), readable by its owner only, so only the person who runs the platform can ask it for a backup.
 */
final class LauncherControl implements AutoCloseable {

    static final String FILE = "launcher-control";

    /** What the launcher does when asked: writes a backup to the given path and says what it holds. */
    interface Backup {
        String writeTo(Path target) throws IOException;
    }

    private final HttpServer server;
    private final Path file;

    private LauncherControl(HttpServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    static LauncherControl open(Path dataDir, Backup backup) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // one request at a time, on the server's own thread: two backups never run together
            server.createContext("/backup", exchange -> answer(exchange, secret, backup));
            server.start();
            Path file = dataDir.resolve(FILE);
            Files.deleteIfExists(file);
            Properties control = new Properties();
            control.setProperty("port", Integer.toString(server.getAddress().getPort()));
            control.setProperty("secret", secret);
            try (OutputStream out = Files.newOutputStream(OwnerOnly.createFile(file))) {
                control.store(out, "the running launcher's control endpoint; it changes at each start");
            }
            return new LauncherControl(server, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, String secret, Backup backup) throws IOException {
        try (exchange) {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (given == null || !MessageDigest.isEqual(("Bearer " + secret).getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 401, "not the running launcher's secret");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "a backup is asked for with POST");
                return;
            }
            String target = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                send(exchange, 200, backup.writeTo(Path.of(target)));
            } catch (LaunchException e) {
                send(exchange, 409, e.getMessage());
            } catch (IOException | RuntimeException e) {
                send(exchange, 500, "the backup failed: " + e.getMessage());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Asks the launcher running on the data folder for a backup to {@code target}; answers what it wrote. */
    static String requestBackup(Path dataDir, Path target) {
        Path file = dataDir.resolve(FILE);
        String notRunning = "no launcher runs on " + dataDir + ": a backup is taken from the running platform;"
                + " while it is stopped, its data folder can be copied as it is";
        if (!Files.isRegularFile(file)) {
            throw new LaunchException(notRunning);
        }
        Properties control = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            control.load(in);
        } catch (IOException e) {
            throw new LaunchException("the launcher's control file " + file + " cannot be read: " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.getProperty("port")
                + "/backup")).header("Authorization", "Bearer " + control.getProperty("secret"))
                .POST(HttpRequest.BodyPublishers.ofString(target.toAbsolutePath().normalize().toString()))
                .timeout(Duration.ofHours(1)).build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LaunchException(response.body());
            }
            return response.body();
        } catch (ConnectException e) {
            throw new LaunchException(notRunning);
        } catch (IOException e) {
            throw new LaunchException("the launcher on " + dataDir + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("stopped while waiting for the backup");
        }
    }

    @Override
    public String toString() {
        return "the launcher's control endpoint";
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        Files.deleteIfExists(file);
    }
}
