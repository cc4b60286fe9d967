package dev.redline.ui.migrations;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.review.ReviewState;
import dev.redline.ui.project.ProjectSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

/**
 * The project's migrations in apply order with their badges, the filter, and the selection. The selection is a
 * {@link Migration} rather than a row, so it survives re-analysis (a refreshed project, live edits), which replaces
 * rows.
 */
public final class MigrationListViewModel {

    private final ObservableList<MigrationEntry> entries = FXCollections.observableArrayList();
    private final ObservableMap<Path, ReviewState> reviewStates =
            FXCollections.observableHashMap();
    private final FilteredList<MigrationEntry> visible = new FilteredList<>(entries);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Migration> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper grouped = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ProjectSummary> summary = new ReadOnlyObjectWrapper<>(ProjectSummary.EMPTY);
    private final Map<Migration, MigrationSet> setOf = new HashMap<>();
    private Set<Path> unsavedFiles = Set.of();
    private int pathErrors;

    public MigrationListViewModel() {
        filter.addListener((o, was, now) -> visible.setPredicate(e -> e.matches(now)));
    }

    /** Shows a (new or re-analysed) project, keeping the selection when the migration is still there. */
    public void setProject(ProjectAnalysis project) {
        setOf.clear();
        List<MigrationEntry> rows = new ArrayList<>(project.migrations().size());
        Map<Migration, String> folders = new HashMap<>();
        for (MigrationSet set : project.sets()) {
            String folder = folderOf(project.root(), set.root());
            for (Migration m : set.migrations()) {
                folders.put(m, folder);
                setOf.put(m, set);
            }
        }
        for (MigrationAnalysis a : project.migrations()) {
            Migration m = a.migration();
            rows.add(MigrationEntry.of(a, folders.getOrDefault(m, ""), unsavedFiles.contains(m.file())));
        }
        pathErrors = project.errors().size();
        grouped.set(project.sets().size() > 1);
        entries.setAll(rows);
        updateSummary();
    }

    private static String folderOf(Path root, Path setRoot) {
        try {
            boolean oneFile = String.valueOf(root.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
            Path base = oneFile ? root.toAbsolutePath().getParent() : root;
            String rel = base.toAbsolutePath().normalize().relativize(setRoot.toAbsolutePath().normalize())
                    .toString().replace('\\', '/');
            return rel.startsWith("..") ? "" : rel;
        } catch (IllegalArgumentException | NullPointerException e) {
            return "";
        }
    }

    /** Replaces one migration's row with a newer analysis (the editor's live one). */
    public void replace(MigrationAnalysis newer) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).migration().equals(newer.migration())) {
                entries.set(i, entries.get(i).withAnalysis(newer));
                updateSummary();
                return;
            }
        }
    }

    /** Marks the rows whose file has unsaved edits in the editor. */
    public void setUnsavedFiles(Set<Path> files) {
        unsavedFiles = Set.copyOf(files);
        for (int i = 0; i < entries.size(); i++) {
            MigrationEntry e = entries.get(i);
            boolean unsaved = unsavedFiles.contains(e.migration().file());
            if (unsaved != e.unsaved()) {
                entries.set(i, e.withUnsaved(unsaved));
            }
        }
    }

    private void updateSummary() {
        summary.set(ProjectSummary.of(entries.stream().map(MigrationEntry::analysis).toList(), pathErrors));
    }

    public void select(Migration migration) {
        selected.set(migration);
    }

    /** The first migration needing review after the selected one, wrapping around; in apply order. */
    public Optional<MigrationEntry> nextNeedingReview() {
        int start = indexOf(selected.get());
        int n = entries.size();
        for (int k = 1; k <= n; k++) {
            MigrationEntry e = entries.get(Math.floorMod(start + k, n));
            if (e.analysis().needsReview()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Selects the next migration needing review; clears a filter that would hide it. */
    public void selectNextNeedingReview() {
        nextNeedingReview().ifPresent(e -> {
            if (!e.matches(filter.get())) {
                filter.set("");
            }
            selected.set(e.migration());
        });
    }

    private int indexOf(Migration m) {
        if (m == null) {
            return -1;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).migration().equals(m)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<MigrationEntry> entry(Migration m) {
        int i = indexOf(m);
        return i < 0 ? Optional.empty() : Optional.of(entries.get(i));
    }

    /** The set a migration belongs to (its schema replay context). */
    public Optional<MigrationSet> setOf(Migration m) {
        return Optional.ofNullable(setOf.get(m));
    }

    /** The review state of each migration file, as the review book last said (empty until computed). */
    public ObservableMap<Path, ReviewState> reviewStates() {
        return reviewStates;
    }

    /** Replaces all review states at once (one change for the list to redraw). */
    public void setReviewStates(Map<Path, ReviewState> states) {
        reviewStates.keySet().retainAll(states.keySet());
        reviewStates.putAll(states);
    }

    /** The review state of {@code m}'s file, or {@code null} when not known. */
    public ReviewState reviewState(Migration m) {
        return m == null ? null : reviewStates.get(m.file());
    }

    public ObservableList<MigrationEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ObservableList<MigrationEntry> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Migration> selectedProperty() {
        return selected;
    }

    public Migration selected() {
        return selected.get();
    }

    public ReadOnlyBooleanProperty groupedProperty() {
        return grouped.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProjectSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
