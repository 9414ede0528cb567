package org.accord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the local Keycloak's {@code admin} account: {@code KC_BOOTSTRAP_ADMIN_PASSWORD} when set, else one
 * made at random for the data folder on its first launch and kept there, readable by its owner only. Keycloak
 * creates its administrator on the first start of a data folder alone, so later launches must name the same one.
 */
record KeycloakAdminPassword(String password) {

    static final String VARIABLE = "KC_BOOTSTRAP_ADMIN_PASSWORD";
    static final String FILE = "keycloak-admin-password";

    @Override
    public String toString() {
        return "KeycloakAdminPassword[hidden]";
    }

    static KeycloakAdminPassword of(Path dataDir) {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            return new KeycloakAdminPassword(given);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return new KeycloakAdminPassword(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, made + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without owner permissions keeps the file as the data folder's others are kept
            }
            return new KeycloakAdminPassword(made);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
