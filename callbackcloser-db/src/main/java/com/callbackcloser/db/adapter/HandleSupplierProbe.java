package com.callbackcloser.db.adapter;

import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * Hands out the {@link HandleSupplier} JDBI makes for a handle when something is attached to it. That supplier is
 * the only public way to run an extension method on a handle with the method's own context (its configuration
 * and its name, which the statements' comments use), so {@link TransactionBoundDaos} borrows it.
 */
public interface HandleSupplierProbe {
    HandleSupplier supplier();

    /** Answers {@code handle.attach(HandleSupplierProbe.class)}; registered by {@code JdbiSetup}. */
    final class Factory implements ExtensionFactory {
        @Override
        public boolean accepts(Class<?> extensionType) {
            return extensionType == HandleSupplierProbe.class;
        }

        @Override
        public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
            HandleSupplierProbe probe = () -> handleSupplier;
            return extensionType.cast(probe);
        }

        @Override
        public Set<FactoryFlag> getFactoryFlags() {
            // The probe is the object itself: no proxy, no handler per method.
            return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
        }
    }
}
