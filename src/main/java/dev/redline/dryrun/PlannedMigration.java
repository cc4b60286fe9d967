package dev.redline.dryrun;

import dev.redline.core.analysis.PreparedMigration;

/**
 * A migration the dry-run is to run, read and parsed.
 *
 * @param outOfOrder it is older than the newest migration the target's history lists as applied
 */
public record PlannedMigration(PreparedMigration prepared, boolean outOfOrder) {

    public String path() {
        return prepared.script().migration().relativePath();
    }
}
