package dev.redline.core.layout;

import dev.redline.core.model.Tool;

/** goose: a .sql file with a {@code -- +goose Up} line (and optionally {@code -- +goose Down}). */
final class GooseLayout extends MarkedFileLayout {

    GooseLayout() {
        super(Tool.GOOSE);
    }

    @Override
    boolean hasUp(FileMarkers markers) {
        return markers.gooseUp();
    }

    @Override
    boolean hasDown(FileMarkers markers) {
        return markers.gooseDown();
    }
}
