package org.accord.gateway;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.identity.testing.FreePorts;
import org.accord.identity.testing.KeycloakTestServer;

/**
 * The gateway started as a process of its own with the settings a test gives (a process sets up its profiles and
 * logging once), on free ports: its own and its management port. It runs from the gateway's jar and its libraries
 * alone, without the tests' own configuration (which turns the profile {@code local} on), and with the environment
 * the test gives, as a deployment would.
 */
final class GatewayProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final String url;
    private final String managementUrl;

    private GatewayProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.url = "http://localhost:" + port;
        this.managementUrl = "http://localhost:" + managementPort;
    }

    /** Starts a gateway that trusts the test Keycloak, with {@code arguments} after the test's own. */
    static GatewayProcess start(String name, Map<String, String> environment, String... arguments) {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Path log = Path.of("target", name + "-gateway.log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Stream.of(Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath,
                GatewayApplication.class.getName(), "--server.port=" + port,
                "--management.server.port=" + managementPort, "--accord.identity.issuer-uri=" + keycloak.issuer(),
                "--accord.gateway.cases-url=http://localhost:" + FreePorts.next()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            GatewayProcess gateway = new GatewayProcess(process, log, port, managementPort);
            gateway.awaitLive();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLive() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!live()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the gateway did not start; see " + log);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean live() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/livez")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path log() {
        return log;
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return send(url + path, headers);
    }

    HttpResponse<String> management(String path) {
        return send(managementUrl + path, Map.of());
    }

    private static HttpResponse<String> send(String address, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Set-Cookie} header that sets {@code name}, attributes and all. */
    static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie set in " + response.headers().map()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
