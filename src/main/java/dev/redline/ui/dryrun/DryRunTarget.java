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

    record Jdbc(String url, String password) implements DryRunTarget {
        @Override
        public String toString() {
            return "Jdbc[" + url + "]"; // never the password
        }
    }

    static DryRunTarget embedded() {
        return new Embedded();
    }
}
