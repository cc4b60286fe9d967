package dev.redline.dryrun;

import java.time.Duration;

/**
 * The limits a dry-run sets on its own session. {@code lock_timeout} and {@code statement_timeout} are set with
 * {@code SET LOCAL}, so they last exactly as long as the dry-run's transaction. {@code idle_in_transaction_session_timeout}
 * and {@code client_connection_check_interval} (PostgreSQL 14+) make the server end the session, releasing every
 * lock, when the client stops talking or goes away mid-statement.
 */
public record DryRunSettings(Duration lockTimeout, Duration statementTimeout, Duration idleInTransactionTimeout,
                             Duration connectionCheckInterval) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(10);

    public DryRunSettings {
        for (Duration d : new Duration[] {lockTimeout, statementTimeout, idleInTransactionTimeout,
                connectionCheckInterval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("dry-run timeouts must be positive");
            }
        }
    }

    public static DryRunSettings defaults() {
        return new DryRunSettings(DEFAULT_LOCK_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT, Duration.ofSeconds(60),
                Duration.ofSeconds(1));
    }

    public DryRunSettings withLockTimeout(Duration d) {
        return new DryRunSettings(d, statementTimeout, idleInTransactionTimeout, connectionCheckInterval);
    }

    public DryRunSettings withStatementTimeout(Duration d) {
        return new DryRunSettings(lockTimeout, d, idleInTransactionTimeout, connectionCheckInterval);
    }
}
