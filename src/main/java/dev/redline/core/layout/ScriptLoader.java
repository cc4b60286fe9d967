package dev.redline.core.layout;

import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationScript;

/** Reads a migration's file and cuts it into the sections its tool runs. STUB: being written. */
public final class ScriptLoader {

    public MigrationScript load(Migration migration) {
        throw new UnsupportedOperationException("not yet");
    }
}
