package org.accord.deploy;

import java.util.List;

/**
 * The run command: starts the whole platform on this machine with the README's ports and {@code ./data}, prints
 * where to sign in, and stops everything on Ctrl-C. Every part listens on the loopback interface only; {@code
 * --listen=all} opens every interface, for a demonstration to other machines. {@code --data=<folder>} keeps the data
 * elsewhere and {@code --ports=<first>} moves every part to the consecutive ports from that one, so a second
 * platform can run beside the first. {@code backup} and {@code restore} copy a data folder (see
 * {@link DataFolderCommand}).
 */
public final class AccordLauncher {

    private AccordLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (DataFolderCommand.handles(args)) {
            System.exit(DataFolderCommand.run(args));
        }
        LocalPlatform platform;
        try {
            platform = new LocalPlatform(settings(List.of(args)));
        } catch (LaunchException e) {
            System.err.println("Accord did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (platform.hasRunningParts()) {
                System.out.println("\nStopping Accord");
                platform.close();
                System.out.println("Accord stopped");
            } else {
                platform.close();
            }
        }, "accord-stop"));
        try {
            platform.start();
        } catch (LaunchException e) {
            System.err.println("Accord did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(StartupSummary.of(platform));
        // runs until Ctrl-C; the shutdown hook stops the platform
        Thread.currentThread().join();
    }

    static LaunchSettings settings(List<String> args) {
        LaunchSettings settings = LaunchSettings.defaults();
        for (String arg : args) {
            if (arg.equals("--listen=all")) {
                settings = settings.onEveryInterface();
            } else if (arg.startsWith("--data=") && arg.length() > "--data=".length()) {
                settings = settings.withDataDir(settings.projectRoot().resolve(arg.substring("--data=".length())));
            } else if (arg.startsWith("--ports=")) {
                settings = settings.withPorts(Ports.from(firstPort(arg.substring("--ports=".length()))));
            } else if (!arg.equals("--listen=loopback")) {
                throw new LaunchException("unknown option " + arg + "; the launcher takes --listen=loopback (the "
                        + "default: this machine only) or --listen=all (every interface), --data=<folder> (default"
                        + " ./data) and --ports=<first port> (default: the README's ports)");
            }
        }
        return settings;
    }

    private static int firstPort(String given) {
        try {
            return Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw new LaunchException("--ports takes the first of " + Ports.COUNT + " consecutive ports, a number,"
                    + " not " + given);
        }
    }
}
