package com.callbackcloser.db.adapter;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * DAOs attached once and shared by every transaction: a call runs on the handle of the transaction open on the
 * calling thread. Attaching a SQL object builds a handler, with its own copy of the configuration, for every
 * method of the DAO; done per transaction it was a third of the CPU a missed-call callback cost.
 */
final class TransactionBoundDaos implements HandleSupplier {
    private final Jdbi jdbi;
    /** Per instance, not static: a transaction on one database must never route calls to another's handle. */
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<HandleSupplier> bound = new ThreadLocal<>();

    private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();

    TransactionBoundDaos(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} with this thread's DAO calls going to {@code handle}; nested calls restore the outer one. */
    <T> T on(Handle handle, Supplier<T> work) {
        HandleSupplier outer = bound.get();
        bound.set(handle.attach(HandleSupplierProbe.class).supplier());
        try {
            return work.get();
        } finally {
            if (outer == null) {
                bound.remove();
            } else {
                bound.set(outer);
            }
        }
    }

    /** The shared DAO of this type, attached on first use. */
    <T> T dao(Class<T> type) {
        return type.cast(daos.computeIfAbsent(type, this::attach));
    }

    private Object attach(Class<?> type) {
        return jdbi.getConfig(Extensions.class)
                .findFor(type, this)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not a JDBI extension"));
    }

    private HandleSupplier current() {
        HandleSupplier supplier = bound.get();
        if (supplier == null) {
            throw new IllegalStateException("a DAO was called outside a transaction");
        }
        return supplier;
    }

    @Override
    public Handle getHandle() {
        return current().getHandle();
    }

    @Override
    public Jdbi getJdbi() {
        return jdbi;
    }

    /** What a DAO is attached with (JDBI copies it); every handle starts from the same configuration. */
    @Override
    public ConfigRegistry getConfig() {
        return jdbi.getConfig();
    }

    @Override
    public <V> V invokeInContext(ExtensionContext extensionContext, Callable<V> task) throws Exception {
        return current().invokeInContext(extensionContext, task);
    }
}
