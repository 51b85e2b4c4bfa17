package com.callbackcloser.core.port.out;

import java.util.function.Function;

/** Runs work in one database transaction: all of it commits, or none of it does. */
public interface TransactionRunner {
    <T> T inTransaction(Function<Repositories, T> work);
}
