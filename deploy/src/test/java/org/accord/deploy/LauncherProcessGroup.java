package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run command's launcher in a JVM of its own, started from its main class on the test's class path (the reactor
 * packs the launcher jar only after the deploy tests have run), in a process group of its own so that one signal
 * reaches the launcher (and the embedded MongoDB server inside it), Keycloak and every service at once, as a crash of
 * the machine or an out-of-memory kill of the whole group would.
 */
final class LauncherProcessGroup {

    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final String STARTED = "Accord is running at ";

    private final Process launcher;
    private final Path output;
    private final Ports ports;

    private LauncherProcessGroup(Process launcher, Path output, Ports ports) {
        this.launcher = launcher;
        this.output = output;
        this.ports = ports;
    }

    /**
     * Starts the launcher with {@code --data} and {@code --ports} under {@code setsid}, with the given extra
     * environment (which it hands on to the processes it starts), and waits until it says the platform is running.
     */
    static LauncherProcessGroup start(Path projectRoot, Path dataDir, int firstPort, Map<String, String> environment,
            Path output) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AccordLauncher.class.getName(), "--data=" + dataDir,
                "--ports=" + firstPort));
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectRoot.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        try {
            LauncherProcessGroup group = new LauncherProcessGroup(builder.start(), output, Ports.from(firstPort));
            group.awaitRunning();
            return group;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRunning() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (!outputText().contains(STARTED)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the launcher ended with " + launcher.exitValue() + ":\n"
                        + outputText());
            }
            if (Instant.now().isAfter(deadline)) {
                killAll();
                throw new IllegalStateException("the platform did not start within " + START_LIMIT + " (logs in "
                        + output.getParent() + "):\n"
                        + outputText());
            }
            Thread.sleep(500);
        }
    }

    /**
     * {@code setsid} makes the launcher the leader of a new group and then becomes it, so the group's id is the
     * launcher's process id; checked rather than assumed.
     */
    long groupId() {
        long group = groupOf(launcher.pid());
        if (group != launcher.pid()) {
            throw new IllegalStateException("the launcher " + launcher.pid() + " runs in group " + group
                    + ", not in a group of its own");
        }
        return group;
    }

    /** The processes of the group, the launcher and everything it started, that have not ended. */
    List<Long> members(long group) {
        List<Long> members = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            if (groupOf(process.pid()) == group && !isZombie(process.pid())) {
                members.add(process.pid());
            }
        });
        return members;
    }

    /** {@code kill -9 -- -<group>}: every process of the platform ends at once, without any shutdown hook. */
    void killAll() throws InterruptedException {
        long group = groupId();
        run("kill", "-9", "--", "-" + group);
        launcher.waitFor(30, TimeUnit.SECONDS);
        Instant deadline = Instant.now().plusSeconds(30);
        while (!members(group).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    /** Stops the platform as Ctrl-C does, and kills whatever is left of the group after that. */
    void stop() throws InterruptedException {
        long group = launcher.isAlive() ? groupId() : -1;
        launcher.destroy();
        launcher.waitFor(90, TimeUnit.SECONDS);
        if (group > 0 && !members(group).isEmpty()) {
            run("kill", "-9", "--", "-" + group);
        }
    }

    Ports ports() {
        return ports;
    }

    String outputText() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "";
        }
    }

    private static long groupOf(long pid) {
        String stat = stat(pid);
        if (stat == null) {
            return -1;
        }
        // "pid (name) state ppid pgrp …": the name may hold spaces and parentheses, so count from its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[2]);
    }

    private static boolean isZombie(long pid) {
        String stat = stat(pid);
        return stat == null || stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            return null;
        }
    }

    private static void run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
