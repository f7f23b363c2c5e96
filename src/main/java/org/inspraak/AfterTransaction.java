package org.inspraak;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs work once the caller's transaction is over, or at once when there is none. */
public final class AfterTransaction {

    private AfterTransaction() {}

    /** After a commit only: work that must see what the transaction wrote. */
    public static void commit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** After a commit or a rollback: forgetting cached state, which is right either way. */
    public static void completion(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
