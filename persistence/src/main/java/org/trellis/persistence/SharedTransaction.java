package org.trellis.persistence;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
        }
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
