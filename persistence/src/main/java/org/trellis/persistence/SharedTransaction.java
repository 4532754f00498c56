package org.trellis.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One read-only transaction shared by every transactional call of a unit of work on one thread (a GraphQL query and
 * all its batch loads): its tenant scope is set once, and its memoised values ({@link TransactionMemo}) are computed
 * once. It begins with the first call that needs a transaction, so a unit that never reaches the database costs no
 * statement, and it ends (rolled back: it only read) when the unit returns. Calls on other threads are not part of
 * it; they keep their own transactions.
 *
 * <p>A read-only unit that met a broken connection (the database restarted under it, see {@link DatabaseFailures})
 * runs once more on a fresh transaction: it wrote nothing, so running it again is safe. Units that did not share (a
 * mutation: its transactions may have committed) are never run again.
 */
public final class SharedTransaction {

    private static final ScopedValue<SharedTransaction> CURRENT = ScopedValue.newInstance();
    private static final TransactionDefinition READ_ONLY = readOnly();

    private static final Logger LOG = LoggerFactory.getLogger(SharedTransaction.class);

    private final List<Runnable> afterwards = new ArrayList<>();
    private boolean shared;
    private boolean broken;
    private boolean beginning;
    private @Nullable TransactionStatus status;
    private @Nullable PlatformTransactionManager manager;

    private SharedTransaction() {}

    /**
     * Runs {@code work} on this thread with a shared transaction on offer; it is taken only once {@link #share()} is
     * called (when the unit turns out to be read-only), and ended when {@code work} returns or throws.
     */
    public static <T> T offer(Supplier<T> work) {
        return offer(work, () -> {});
    }

    /**
     * As {@link #offer(Supplier)}; should the unit turn out read-only and meet a broken connection, {@code retrying}
     * runs and the unit runs once more, in a new shared transaction, and that second outcome is the answer.
     */
    public static <T> T offer(Supplier<T> work, Runnable retrying) {
        SharedTransaction first = new SharedTransaction();
        try {
            T result = first.run(work);
            if (!first.mayRunAgain()) {
                return result;
            }
        } catch (RuntimeException e) {
            if (!first.mayRunAgain()) {
                throw e;
            }
        }
        retrying.run();
        return new SharedTransaction().run(work);
    }

    private <T> T run(Supplier<T> work) {
        try {
            return ScopedValue.where(CURRENT, this).call(work::get);
        } finally {
            end();
            runAfterwards();
        }
    }

    private boolean mayRunAgain() {
        return shared && broken;
    }

    /**
     * Runs {@code write} on this thread once its unit has ended and its shared transaction with it, so that a
     * read-only unit can store what it computed (a cache it filled) in a transaction of the write's own, without
     * holding two connections at once. A write that fails is logged and dropped: it must only ever be an
     * optimisation. Outside a unit, nothing runs.
     */
    public static void afterwards(Runnable write) {
        if (CURRENT.isBound()) {
            CURRENT.get().afterwards.add(write);
        }
    }

    private void runAfterwards() {
        for (Runnable write : afterwards) {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warn("A write deferred until after a read-only unit failed; it is dropped", e);
            }
        }
        afterwards.clear();
    }

    /** Declares the unit running on this thread read-only: its transactional calls from now on share one transaction. */
    public static void share() {
        if (CURRENT.isBound()) {
            CURRENT.get().shared = true;
        }
    }

    /** Whether a shared transaction is active on this thread (for tests and diagnostics). */
    public static boolean isActive() {
        return CURRENT.isBound() && CURRENT.get().status != null;
    }

    /**
     * Called by the transaction manager before it looks for an existing transaction: begins the shared one if this
     * thread's unit shares and none is active yet, so the caller's transaction joins it.
     */
    static void beginIfOffered(PlatformTransactionManager transactions) {
        if (!CURRENT.isBound()) {
            return;
        }
        SharedTransaction transaction = CURRENT.get();
        if (!transaction.shared
                || transaction.beginning
                || transaction.status != null
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        transaction.beginning = true;
        try {
            transaction.status = transactions.getTransaction(READ_ONLY);
            transaction.manager = transactions;
        } catch (RuntimeException e) {
            transaction.broken |= DatabaseFailures.isBrokenConnection(e);
            throw e;
        } finally {
            transaction.beginning = false;
        }
    }

    /**
     * Rolls the shared transaction back. It only read, so a rollback that fails undoes nothing anyone needs: it is
     * logged, not thrown, and it fails when the connection broke during the unit (HikariCP closed it).
     */
    private void end() {
        TransactionStatus begun = status;
        PlatformTransactionManager transactions = manager;
        status = null;
        if (begun != null && transactions != null) {
            try {
                transactions.rollback(begun);
            } catch (RuntimeException e) {
                broken |= DatabaseFailures.isBrokenConnection(e);
                LOG.debug("Rolling back a read-only transaction failed", e);
            }
        }
    }

    private static TransactionDefinition readOnly() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setName(SharedTransaction.class.getName());
        return definition;
    }
}
