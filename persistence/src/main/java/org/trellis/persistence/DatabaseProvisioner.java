package org.trellis.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.core.Utils;

/**
 * Creates the two Trellis roles and a database, as a PostgreSQL administrator: the owner role that runs migrations
 * and the runtime role the application connects as (login, not superuser, no BYPASSRLS, owns nothing, cannot create
 * temporary tables). Used by the local run and the tests; production databases are provisioned by the operator (see deploy/runbooks).
 */
public final class DatabaseProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String adminUrl;
    private final Properties adminCredentials = new Properties();

    public DatabaseProvisioner(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        adminCredentials.setProperty("user", adminUser);
        if (!adminPassword.isEmpty()) {
            adminCredentials.setProperty("password", adminPassword);
        }
    }

    /** Ensures both roles exist with the right attributes and the database exists, owned by the owner role. */
    public void provision(String database, Role owner, Role runtime) {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminCredentials);
                Statement statement = admin.createStatement()) {
            ensureRole(admin, owner, "NOSUPERUSER NOCREATEROLE NOBYPASSRLS");
            ensureRole(admin, runtime, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            statement.execute("ALTER ROLE " + identifier(runtime.name()) + " SET statement_timeout = '30s'");
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner.name()));
            }
            // No temporary tables for the runtime role: they would shadow the real tables inside the SECURITY
            // DEFINER issuer lookup (pg_temp is searched first), and they outlive a transaction on a pooled connection.
            statement.execute("REVOKE TEMPORARY ON DATABASE " + identifier(database) + " FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database, disconnecting its sessions. */
    public void drop(String database) {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminCredentials);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + identifier(database) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Connection admin, Role role, String attributes) throws SQLException {
        String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role.name()) ? "ALTER" : "CREATE";
        try (Statement statement = admin.createStatement()) {
            statement.execute(verb + " ROLE " + identifier(role.name()) + " LOGIN " + attributes + " PASSWORD "
                    + literal(role.password()));
        } catch (SQLException e) {
            // Another process created it between our check and our CREATE: make sure of its attributes.
            if (!"42710".equals(e.getSQLState())) {
                throw e;
            }
            ensureRole(admin, role, attributes);
        }
    }

    private static boolean exists(Connection admin, String query, String name) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case identifier: " + name);
        }
        return '"' + name + '"';
    }

    private static String literal(String value) throws SQLException {
        return "'" + Utils.escapeLiteral(null, value, true) + "'";
    }

    /** A login role and its password. */
    public record Role(String name, String password) {

        @Override
        public String toString() {
            return "Role[" + name + "]";
        }
    }
}
