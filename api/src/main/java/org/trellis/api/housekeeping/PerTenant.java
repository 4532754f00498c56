package org.trellis.api.housekeeping;

import static org.trellis.persistence.jooq.Tables.TENANT;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;

/**
 * How background jobs reach tenant data: the ids of every tenant (the {@code tenant} table has no row-level
 * security), and a transaction scoped to one of them.
 */
@Component
public class PerTenant {

    private final DSLContext db;
    private final TransactionTemplate transactions;

    PerTenant(DSLContext db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /** Every tenant's id, oldest tenant first (active and suspended: housekeeping applies to both). */
    public List<UUID> tenantIds() {
        return transactions.execute(status -> db.select(TENANT.ID)
                .from(TENANT)
                .orderBy(TENANT.CREATED_AT, TENANT.ID)
                .fetch(TENANT.ID));
    }

    /** {@code work} in its own transaction of the tenant. */
    public <T> T inTransaction(UUID tenantId, Supplier<T> work) {
        return CallerScope.inTenant(tenantId, () -> transactions.execute(status -> work.get()));
    }
}
