package org.trellis.api.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.trellis.api.support.TestDatabase;

/**
 * Commits outbox rows as the runtime role on a connection of its own, in the tenant's scope, and then announces them
 * on {@code trellis_outbox} as another instance's announcer would: no application code runs here, so whatever a
 * subscriber receives came through the notification.
 */
final class OutboxRows {

    private OutboxRows() {}

    /** Commits one event; its id. */
    static UUID write(UUID tenant, String type, UUID subject, UUID person, String data) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(
                TestDatabase.INSTANCE.url(), TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope =
                            connection.prepareStatement("select set_config('trellis.tenant_id', ?, true)");
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into outbox_event (tenant_id, id, type, subject_id, person_id, data)"
                                    + " values (?, ?, ?, ?, ?, ?::jsonb)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
                insert.setObject(1, tenant);
                insert.setObject(2, id);
                insert.setString(3, type);
                insert.setObject(4, subject);
                insert.setObject(5, person);
                insert.setString(6, data);
                insert.executeUpdate();
            }
            connection.commit();
            try (PreparedStatement announce = connection.prepareStatement("select pg_notify('trellis_outbox', ?)")) {
                announce.setString(1, tenant + " " + id);
                announce.execute();
            }
            connection.commit();
        }
        return id;
    }
}
