package org.accord.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.accord.identity.keycloak.KeycloakServer;

/**
 * A copy of the running Keycloak's H2 database made by H2 itself ({@code BACKUP TO}): the database commits what its
 * transactions committed and copies its file without overwriting any of it meanwhile, while Keycloak goes on. The
 * launcher reaches it through H2's automatic server, whose loopback address and key the lock file names, with
 * Keycloak's own H2 driver so the versions always agree.
 */
final class KeycloakDatabaseCopy {

    private KeycloakDatabaseCopy() {
    }

    /** Writes H2's backup zip of Keycloak's database to {@code zip}, a path Keycloak's process can write. */
    static void write(KeycloakServer.Database database, Path zip) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(database.lockFile())) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        String key = lock.getProperty("id");
        if (server == null || key == null) {
            throw new IOException("Keycloak's database names no server in " + database.lockFile());
        }
        // Keycloak leaves the user of its development database empty
        Properties login = new Properties();
        login.setProperty("user", "");
        login.setProperty("password", "");
        try (URLClassLoader h2 = new URLClassLoader(new URL[] {database.driver().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            try (Connection connection = driver.connect("jdbc:h2:tcp://" + server + "/" + key, login);
                    Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IOException("Keycloak's database did not copy itself: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Keycloak's H2 driver " + database.driver() + " cannot be loaded", e);
        }
    }
}
