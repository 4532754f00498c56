package org.trellis.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.impl.CustomQueryPart;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction appends and never reads back (audit entries, outbox events), gathered while it runs and sent
 * together just before it commits, as one statement whose data-modifying {@code WITH} queries are each owner's
 * insert: a change that is audited and publishes an event pays one round trip for both. A failed insert fails the
 * commit, so the change and its rows still commit or roll back together.
 *
 * <p>Each transaction has its own (Spring suspends it with a transaction it suspends). Rows gathered once the
 * commit has begun would be lost, so gathering then fails instead.
 */
public final class WritesAtCommit implements TransactionSynchronization {

    private final DSLContext db;
    private final Map<Object, Rows<?>> owners = new LinkedHashMap<>();
    private boolean committing;

    private WritesAtCommit(DSLContext db) {
        this.db = db;
    }

    /**
     * The current transaction's rows of {@code owner}, to add to; {@code insert} turns them into one insert when the
     * transaction commits (only if any were added). Requires an active transaction.
     */
    public static <T> List<T> rows(DSLContext db, Object owner, Function<List<T>, Query> insert) {
        return rows(db, owner, insert, sent -> {});
    }

    /**
     * As {@link #rows(DSLContext, Object, Function)}; once the transaction has committed, {@code committed} is given
     * every row of {@code owner} it wrote, in order (on the committing thread: it must return quickly and not throw).
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> rows(
            DSLContext db, Object owner, Function<List<T>, Query> insert, Consumer<List<T>> committed) {
        WritesAtCommit writes = current().orElseGet(() -> {
            WritesAtCommit registered = new WritesAtCommit(db);
            TransactionSynchronizationManager.registerSynchronization(registered);
            return registered;
        });
        if (writes.committing) {
            throw new IllegalStateException("Rows gathered after the transaction began to commit would be lost");
        }
        return ((Rows<T>) writes.owners.computeIfAbsent(
                        owner, key -> new Rows<>(new ArrayList<>(), new ArrayList<>(), insert, committed)))
                .rows();
    }

    /**
     * Sends the rows gathered so far now, for a statement of this transaction that reads or changes them (erasure
     * redacting the audit entries of its own transaction).
     */
    public static void sendNow() {
        current().ifPresent(WritesAtCommit::send);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        committing = true;
        send();
    }

    @Override
    public void afterCommit() {
        owners.values().forEach(Rows::committed);
    }

    private static Optional<WritesAtCommit> current() {
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(WritesAtCommit.class::isInstance)
                .map(WritesAtCommit.class::cast)
                .findFirst();
    }

    private void send() {
        List<Query> inserts = owners.values().stream()
                .filter(rows -> !rows.rows().isEmpty())
                .map(Rows::insert)
                .toList();
        if (!inserts.isEmpty()) {
            db.resultQuery("{0}", together(inserts)).execute();
        }
        owners.values().forEach(Rows::markSent);
    }

    /**
     * The inserts as one statement, each a data-modifying {@code WITH} query, that answers one row. It runs as a query
     * that returns rows because jOOQ, before running a plain-SQL statement that does not, renders it a second time and
     * matches the text against patterns to tell its kind: more than half of what sending it cost the application.
     */
    private static QueryPart together(List<Query> inserts) {
        return CustomQueryPart.of(ctx -> {
            for (int i = 0; i < inserts.size(); i++) {
                ctx.sql(i == 0 ? "with w0 as (" : "), w" + i + " as (").visit(inserts.get(i));
            }
            ctx.sql(") select 1");
        });
    }

    private record Rows<T>(List<T> rows, List<T> sent, Function<List<T>, Query> render, Consumer<List<T>> onCommit) {

        Query insert() {
            return render.apply(rows);
        }

        void markSent() {
            sent.addAll(rows);
            rows.clear();
        }

        void committed() {
            if (!sent.isEmpty()) {
                onCommit.accept(List.copyOf(sent));
            }
        }
    }
}
