package org.accord.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;

import org.accord.identity.keycloak.KeycloakServer;

/**
 * A consistent copy of a running platform's data folder, written by its launcher while the platform goes on: the
 * embedded MongoDB store, then Keycloak's database (an account a case names existed before the case, so it is in the
 * later copy), then Keycloak's admin password. Every write acknowledged before the backup began is in it. The copy is
 * laid out as the data folder is, so a restore puts its files back where they were; the logs and Keycloak's
 * installation are left out (the next start unpacks Keycloak again), and the mail server keeps the partner inboxes in
 * memory only, so they are in no backup.
 */
final class OnlineBackup {

    /** What a backup holds, and that it is one. */
    static final String MANIFEST = "accord-backup.properties";

    private final Path dataDir;
    private final DocumentStore mongo;
    private final KeycloakServer keycloak;

    OnlineBackup(Path dataDir, DocumentStore mongo, KeycloakServer keycloak) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.keycloak = keycloak;
    }

    /** Writes the backup to a new folder, or to a new archive when the name ends with {@code .zip}; says what it holds. */
    String writeTo(Path target) throws IOException {
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new LaunchException(target + " already exists: a backup is written to a new folder or archive");
        }
        if (target.startsWith(dataDir)) {
            throw new LaunchException(target + " is inside the data folder it would copy");
        }
        Files.createDirectories(target.getParent());
        // readable by its owner only, as it holds everything the platform keeps
        Path work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            Instant begun = Instant.now();
            Path mongoFile = dataDir.resolve(DocumentStore.FOLDER).resolve(DocumentStore.FILE);
            Path mongoZip = work.resolve("mongo.zip");
            try (OutputStream out = Files.newOutputStream(mongoZip); ZipOutputStream zip = new ZipOutputStream(out)) {
                mongo.copyTo(zip);
            }
            long mongoSize = BackupArchive.unpackSingle(mongoZip, work.resolve(dataDir.relativize(mongoFile)));
            Files.delete(mongoZip);

            KeycloakServer.Database database = keycloak.database();
            Path keycloakZip = work.resolve("keycloak.zip");
            KeycloakDatabaseCopy.write(database, keycloakZip);
            Path keycloakFile = dataDir.relativize(database.file().resolveSibling(database.file().getFileName()
                    + ".mv.db"));
            long keycloakSize = BackupArchive.unpackSingle(keycloakZip, work.resolve(keycloakFile));
            Files.delete(keycloakZip);

            Path password = dataDir.resolve(KeycloakAdminPassword.FILE);
            boolean passwordKept = Files.isRegularFile(password);
            if (passwordKept) {
                Files.copy(password, OwnerOnly.createFile(work.resolve(KeycloakAdminPassword.FILE)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            writeManifest(work, begun, dataDir.relativize(mongoFile), keycloakFile);

            if (BackupArchive.isArchive(target)) {
                Path archive = OwnerOnly.createFile(work.resolveSibling(work.getFileName() + ".zip"));
                BackupArchive.pack(work, archive);
                Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return "Backed up " + dataDir + " to " + target + ", as it was at " + begun + " or later: the embedded"
                    + " MongoDB store (" + megabytes(mongoSize) + "), Keycloak's database (" + megabytes(keycloakSize)
                    + ")" + (passwordKept ? " and Keycloak's admin password." : "; Keycloak's admin password was"
                            + " given by " + KeycloakAdminPassword.VARIABLE + ", keep it with the backup.")
                    + " The partner inboxes of the mail server are kept in memory only and are not in it.";
        } finally {
            delete(work);
        }
    }

    private void writeManifest(Path work, Instant begun, Path mongoFile, Path keycloakFile) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("begun", begun.toString());
        manifest.setProperty("dataFolder", dataDir.toString());
        manifest.setProperty("mongo", mongoFile.toString());
        manifest.setProperty("keycloak", keycloakFile.toString());
        try (OutputStream out = Files.newOutputStream(OwnerOnly.createFile(work.resolve(MANIFEST)))) {
            manifest.store(out, "Accord backup: restore it with java -jar deploy/target/accord-launcher.jar restore");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
