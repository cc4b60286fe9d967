package dev.redline.core.layout;

import dev.redline.core.model.Tool;

/** dbmate: a .sql file with a {@code -- migrate:up} line (and optionally {@code -- migrate:down}). */
final class DbmateLayout extends MarkedFileLayout {

    DbmateLayout() {
        super(Tool.DBMATE);
    }

    @Override
    boolean hasUp(FileMarkers markers) {
        return markers.dbmateUp();
    }

    @Override
    boolean hasDown(FileMarkers markers) {
        return markers.dbmateDown();
    }
}
