package org.trellis.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.trellis.api.Migrate;
import org.trellis.persistence.DatabaseProvisioner;
import org.trellis.persistence.DatabaseProvisioner.Role;

/**
 * A fresh database on the real local PostgreSQL for this test run, created on first use, migrated by the
 * {@code migrate} command as a deployment does (the application under test never holds the owner's password), and
 * dropped when the JVM exits. Server and administrator come from {@code trellis.test.db.*} system properties (set by
 * the build).
 */
public final class TestDatabase {

    public static final Role OWNER = new Role("trellis_test_owner", "test-owner-password");
    public static final Role RUNTIME = new Role("trellis_test_app", "test-app-password");

    public static final TestDatabase INSTANCE = new TestDatabase();

    private final String name;
    private final String host;
    private final int port;
    private final String serverUrl;
    private final DatabaseProvisioner provisioner;
    private final String adminUser;
    private final String adminPassword;

    private TestDatabase() {
        host = System.getProperty("trellis.test.db.host", "localhost");
        port = Integer.parseInt(System.getProperty("trellis.test.db.port", "5432"));
        serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
        adminUser = System.getProperty("trellis.test.db.admin-user", "postgres");
        adminPassword = System.getProperty("trellis.test.db.admin-password", "");
        provisioner = new DatabaseProvisioner(serverUrl + "postgres", adminUser, adminPassword);
        name = "trellis_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        provisioner.provision(name, OWNER, RUNTIME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> provisioner.drop(name)));
        int status = Migrate.run(migrateArguments(url(), OWNER.password()));
        if (status != 0) {
            throw new IllegalStateException("The migrate command failed (" + status + ") on " + name);
        }
    }

    /** Another empty database with both roles, dropped when the JVM exits; its JDBC URL. */
    public String emptySibling(String suffix) {
        String sibling = name + "_" + suffix;
        provisioner.provision(sibling, OWNER, RUNTIME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> provisioner.drop(sibling)));
        return serverUrl + sibling + "?tcpKeepAlive=true&socketTimeout=30";
    }

    /** The arguments of {@code java -jar trellis.jar migrate} against {@code url} with this owner password. */
    public static String[] migrateArguments(String url, String ownerPassword) {
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + RUNTIME.name(),
            "--spring.liquibase.user=" + OWNER.name(),
            "--spring.liquibase.password=" + ownerPassword,
            "--logging.level.liquibase=WARN"
        };
    }

    public String url() {
        return serverUrl + name + "?tcpKeepAlive=true&socketTimeout=30";
    }

    /** This database's URL through a {@link TcpProxy} on loopback. */
    public String urlThrough(TcpProxy proxy) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name
                + "?tcpKeepAlive=true&socketTimeout=30&connectTimeout=5";
    }

    /** A proxy on loopback to this database's server. */
    public TcpProxy proxy() {
        return new TcpProxy(host, port);
    }

    /** A connection to this database as the server's administrator, for tests that must break a role on purpose. */
    public Connection connectAsAdministrator() throws SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", adminUser);
        if (!adminPassword.isEmpty()) {
            credentials.setProperty("password", adminPassword);
        }
        return DriverManager.getConnection(url(), credentials);
    }

    public String name() {
        return name;
    }
}
