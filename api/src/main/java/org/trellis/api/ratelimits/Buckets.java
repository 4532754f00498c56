package org.trellis.api.ratelimits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.stereotype.Repository;
import org.trellis.persistence.DatabaseFailures;
import org.trellis.persistence.TenantScopedTransactionManager;

/**
 * The buckets' state in PostgreSQL, shared by every instance. A charge (with any lease) is one statement, {@code rate_limit_take}, on
 * a connection of its own in autocommit mode, whatever transaction the request may have open: it holds the buckets'
 * row locks only for the statement, and no later failure of the request undoes it.
 */
@Repository
class Buckets {

    /** PostgreSQL's {@code lock_not_available}: {@code rate_limit_take} waited its 500 ms for a bucket's row lock. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final String TAKE = "select kind, allowed, level, capacity, restore_rate, leased from"
            + " rate_limit_take(?::uuid, ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?, ?)";

    private final DataSource dataSource;
    private final TenantScopedTransactionManager transactions;

    Buckets(DataSource dataSource, TenantScopedTransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * What one charge left: each bucket's state (its level with any lease charged), and the points leased from each
     * (see {@link Leases}). Empty when the tenant does not exist.
     */
    record Taken(List<BucketState> states, double[] leased) {}

    /**
     * Charges {@code cost} to every bucket, or to none when one has no room, after giving back {@code refunds} (one
     * per bucket), and leases up to {@code leaseShare} of each bucket's capacity along with an admitted charge.
     */
    Taken take(UUID tenantId, List<Bucket> buckets, double[] refunds, long cost, double leaseShare) {
        int n = buckets.size();
        Object[] kinds = new Object[n];
        Object[] keys = new Object[n];
        Object[] capacities = new Object[n];
        Object[] rates = new Object[n];
        Object[] refunded = new Object[n];
        for (int i = 0; i < n; i++) {
            Bucket bucket = buckets.get(i);
            kinds[i] = bucket.kind().tag();
            keys[i] = bucket.key();
            capacities[i] = (double) bucket.capacity();
            rates[i] = (double) bucket.restoreRate();
            refunded[i] = refunds[i];
        }
        try {
            return take(buckets, tenantId, cost, leaseShare, kinds, keys, capacities, rates, refunded);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new Contended(e);
            }
            if (!DatabaseFailures.isBrokenConnection(e)) {
                throw new IllegalStateException("Rate-limit buckets unavailable", e);
            }
            transactions.connectionBroke();
        }
        try {
            // A pooled connection broke (the database restarted): once more on a fresh one, without the refunds (had
            // the first charge committed after all, they would be given twice). The caller may then pay twice and
            // lose its refunds, which errs on the strict side.
            Object[] none = new Object[n];
            Arrays.fill(none, 0.0);
            return take(buckets, tenantId, cost, leaseShare, kinds, keys, capacities, rates, none);
        } catch (SQLException e) {
            throw new IllegalStateException("Rate-limit buckets unavailable", e);
        }
    }

    /** A bucket's row stayed locked longer than {@code rate_limit_take} waits: the database is contended. */
    static final class Contended extends RuntimeException {

        Contended(SQLException cause) {
            super("Rate-limit bucket locked by another request for too long", cause);
        }
    }

    private Taken take(
            List<Bucket> buckets,
            UUID tenantId,
            long cost,
            double leaseShare,
            Object[] kinds,
            Object[] keys,
            Object[] capacities,
            Object[] rates,
            Object[] refunded)
            throws SQLException {
        int n = buckets.size();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(TAKE)) {
            statement.setString(1, tenantId.toString());
            statement.setArray(2, connection.createArrayOf("text", kinds));
            statement.setArray(3, connection.createArrayOf("text", keys));
            statement.setArray(4, connection.createArrayOf("float8", capacities));
            statement.setArray(5, connection.createArrayOf("float8", rates));
            statement.setArray(6, connection.createArrayOf("float8", refunded));
            statement.setDouble(7, cost);
            statement.setDouble(8, leaseShare);
            List<BucketState> states = new ArrayList<>(n);
            double[] leased = new double[n];
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String kind = rows.getString(1);
                    Bucket bucket = buckets.stream()
                            .filter(b -> b.kind().tag().equals(kind))
                            .findFirst()
                            .orElseThrow();
                    leased[states.size()] = rows.getDouble(6);
                    states.add(new BucketState(
                            bucket, rows.getBoolean(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5)));
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return new Taken(states, Arrays.copyOf(leased, states.size()));
        }
    }
}
