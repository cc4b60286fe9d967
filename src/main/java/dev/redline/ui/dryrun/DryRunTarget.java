package dev.redline.ui.dryrun;

/**
 * Where a dry-run runs: an embedded scratch PostgreSQL built for it, or a database the user names by JDBC URL. The
 * password, when typed, lives only in memory for the session; it is never written anywhere.
 */
public sealed interface DryRunTarget {

    record Embedded() implements DryRunTarget {
        @Override
        public String toString() {
            return "embedded scratch database";
        }
    }

    /**
     * @param throwawayCopy after the rolled-back dry-run, also run a migration PostgreSQL refuses in a transaction
     *                      whole on a {@code CREATE DATABASE … TEMPLATE} copy of the target, dropped afterwards (as
     *                      {@code redline dry-run --throwaway-copy}); the embedded scratch database always does
     */
    record Jdbc(String url, String password, boolean throwawayCopy) implements DryRunTarget {

        /** Without a throwaway copy. */
        public Jdbc(String url, String password) {
            this(url, password, false);
        }

        @Override
        public String toString() {
            return "Jdbc[" + url + (throwawayCopy ? ", throwaway copy" : "") + "]"; // never the password
        }
    }

    static DryRunTarget embedded() {
        return new Embedded();
    }
}
