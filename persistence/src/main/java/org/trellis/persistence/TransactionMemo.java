package org.trellis.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values computed at most once per read-only transaction, such as the caller's reporting subtree: inside a
 * {@link SharedTransaction} that is once per GraphQL query. Only read-only transactions memoise, since nothing they
 * do can change the value; in a read-write transaction (or none) every call computes afresh.
 */
public final class TransactionMemo {

    private static final Object RESOURCE = new Object();

    private TransactionMemo() {}

    /** The value for {@code key} in this transaction, computing it on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return compute.get();
        }
        Values values = (Values) TransactionSynchronizationManager.getResource(RESOURCE);
        if (values == null) {
            values = new Values();
            TransactionSynchronizationManager.bindResource(RESOURCE, values);
            TransactionSynchronizationManager.registerSynchronization(values);
        }
        Object value = values.map.get(key);
        if (value == null) {
            value = compute.get();
            values.map.put(key, value);
        }
        return (T) value;
    }

    /** A supplier that computes at most once itself and shares the value through the transaction's memo. */
    public static <T> Supplier<T> lazy(Object key, Supplier<T> compute) {
        return new Supplier<>() {
            private @Nullable T value;

            @Override
            public T get() {
                T known = value;
                if (known == null) {
                    known = TransactionMemo.get(key, compute);
                    value = known;
                }
                return known;
            }
        };
    }

    /** One transaction's values; unbound when the transaction ends or is suspended. */
    private static final class Values implements TransactionSynchronization {

        private final Map<Object, Object> map = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(RESOURCE);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(RESOURCE, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
        }
    }
}
