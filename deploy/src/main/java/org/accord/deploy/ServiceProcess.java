package org.accord.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service or the gateway, running as its own JVM from the module's jar, its output in its rolling log. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final RollingLog log;
    private final Process process;

    private ServiceProcess(String name, int port, RollingLog log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** The module's jar, failing before anything starts when the build has not made it. */
    static Path jar(Path projectRoot, String module) {
        Path jar = projectRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(module + "/target/" + module + ".jar is missing: build the platform first with"
                    + " ./mvnw -q -B -DskipTests package");
        }
        return jar;
    }

    static ServiceProcess launch(String name, Path jar, int port, String maxHeap, Map<String, String> properties,
            Path workingDirectory, Path log) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap,
                // one collector thread and a small footprint: five JVMs share this machine
                "-XX:+UseSerialGC", "-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            return new ServiceProcess(name, port, RollingLog.follow(process, log, name), process);
        } catch (IOException e) {
            throw new LaunchException("the " + name + " could not be started: " + e.getMessage(), e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log.file();
    }

    Process process() {
        return process;
    }

    /** Whether its readiness probe, {@code /readyz}, answers UP. */
    boolean isHealthy() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/readyz")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException notYet) {
            return false;
        }
    }

    void failIfExited() {
        if (!process.isAlive()) {
            awaitLog();
            throw new LaunchException("the " + name + " stopped during start with exit code " + process.exitValue()
                    + "; see " + log() + LogTail.of(log(), 25));
        }
    }

    /** Asks the JVM to shut down without waiting, so all services stop at once. */
    void requestStop() {
        process.destroy();
    }

    /** Ends the JVM at once, without its shutdown hooks: what a crash looks like to the others. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitLog();
    }

    /** Waits briefly until the last lines of an ended process are in its log, so they are there to be read. */
    private void awaitLog() {
        try {
            log.awaitEnd(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "the " + name;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        awaitLog();
    }
}
