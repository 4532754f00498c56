package org.trellis.api.shared;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces that what signed-in callers of a tenant may do has changed (a person deactivated or given other roles,
 * an identity provider or service client disabled), so that cached sign-ins of the tenant are dropped: on this
 * instance right after the change commits ({@link PrincipalsChanged}), and on every instance by a PostgreSQL
 * {@code NOTIFY} on {@link #CHANNEL} sent in the same transaction, so a rolled-back change announces nothing. The
 * payload is the tenant id only.
 */
@Component
public class PrincipalChanges {

    public static final String CHANNEL = "trellis_principal";

    private final DSLContext db;
    private final ApplicationEventPublisher events;

    PrincipalChanges(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** Call inside the transaction that makes the change. */
    public void changed(UUID tenantId) {
        db.execute("select pg_notify(?, ?)", CHANNEL, tenantId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(new PrincipalsChanged(tenantId));
                }
            });
        } else {
            events.publishEvent(new PrincipalsChanged(tenantId));
        }
    }

    /**
     * Published on the instance that made a change, after it committed, and on every instance when the change's
     * notification arrives (so possibly twice on the first): listeners must be idempotent.
     */
    public record PrincipalsChanged(UUID tenantId) {}
}
