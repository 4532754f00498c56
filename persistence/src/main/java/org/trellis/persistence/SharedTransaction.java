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
 */
public final class SharedTransaction {

    private static final ScopedValue<SharedTransaction> CURRENT = ScopedValue.newInstance();
    private static final TransactionDefinition READ_ONLY = readOnly();

    private static final Logger LOG = LoggerFactory.getLogger(SharedTransaction.class);

    private final List<Runnable> afterwards = new ArrayList<>();
    private boolean shared;
    private boolean beginning;
    private @Nullable TransactionStatus status;
    private @Nullable PlatformTransactionManager manager;

    private SharedTransaction() {}

    /**
     * Runs {@code work} on this thread with a shared transaction on offer; it is taken only once {@link #share()} is
     * called (when the unit turns out to be read-only), and ended when {@code work} returns or throws.
     */
    public static <T> T offer(Supplier<T> work) {
        SharedTransaction transaction = new SharedTransaction();
        try {
            return ScopedValue.where(CURRENT, transaction).call(work::get);
        } finally {
            transaction.end();
            transaction.runAfterwards();
        }
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
        } finally {
            transaction.beginning = false;
        }
    }

    private void end() {
        TransactionStatus begun = status;
        PlatformTransactionManager transactions = manager;
        status = null;
        shared = false;
        if (begun != null && transactions != null) {
            transactions.rollback(begun);
        }
    }

    private static TransactionDefinition readOnly() {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        definition.setName(SharedTransaction.class.getName());
        return definition;
    }
}
