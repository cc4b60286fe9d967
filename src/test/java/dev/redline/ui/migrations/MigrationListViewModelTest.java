package dev.redline.ui.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.ui.ShopFixture;
import dev.redline.ui.project.ProjectSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list's rows, badges, filter, grouping and selection, driven without a window. */
class MigrationListViewModelTest {

    @TempDir
    Path dir;

    private final ProjectAnalyzer analyzer = new ProjectAnalyzer();
    private final MigrationListViewModel list = new MigrationListViewModel();

    private List<String> names() {
        return list.visible().stream().map(MigrationEntry::name).toList();
    }

    private List<MigrationStatus> statuses() {
        return list.visible().stream().map(MigrationEntry::status).toList();
    }

    @Test
    void everyMigrationInApplyOrderWithItsBadge() throws IOException {
        Path project = ShopFixture.copyTo(dir);
        Files.write(project.resolve("db/migration/V5__latin1.sql"),
                "SELECT 'Jos\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(project.resolve("db/migration/V6__odd.sql"), "ALTER TABLE customers FROBNICATE;\n");
        list.setProject(analyzer.analyze(project, false));
        assertEquals(List.of("V1__create_customers.sql", "V2__cleanup.sql", "V3__add_email.sql",
                "V4__rename_status.sql", "V5__latin1.sql", "V6__odd.sql"), names());
        assertEquals(List.of(MigrationStatus.SAFE, MigrationStatus.DESTRUCTIVE, MigrationStatus.SAFE,
                MigrationStatus.RISKY, MigrationStatus.UNREADABLE, MigrationStatus.UNPARSED), statuses());
        assertFalse(list.groupedProperty().get(), "one set: no group headers");
        ProjectSummary summary = list.summaryProperty().get();
        assertEquals(6, summary.migrations());
        assertEquals(2, summary.destructive());
        assertEquals(1, summary.unreadable());
        assertEquals(1, summary.unparsed());
        assertEquals(4, summary.needsReview());
    }

    @Test
    void filterMatchesNamesAndStatusWords() {
        list.setProject(analyzer.analyze(ShopFixture.copyTo(dir), false));
        list.filterProperty().set("destructive");
        assertEquals(List.of("V2__cleanup.sql"), names());
        list.filterProperty().set("v4 RISKY");
        assertEquals(List.of("V4__rename_status.sql"), names());
        list.filterProperty().set("email");
        assertEquals(List.of("V3__add_email.sql"), names());
        list.filterProperty().set("");
        assertEquals(4, names().size());
    }

    @Test
    void severalSetsAreGroupedByToolAndFolder() throws IOException {
        Files.createDirectories(dir.resolve("migrations/tenant"));
        Files.createDirectories(dir.resolve("migrations/shared"));
        Files.writeString(dir.resolve("migrations/tenant/0001-init.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("migrations/shared/0001-init.sql"), "CREATE TABLE b (id int);\n");
        Files.writeString(dir.resolve("migrations/shared/0002-drop.sql"), "DROP TABLE b;\n");
        list.setProject(analyzer.analyze(dir, false));
        assertTrue(list.groupedProperty().get());
        assertEquals(List.of("plain: migrations/shared", "plain: migrations/shared", "plain: migrations/tenant"),
                list.visible().stream().map(MigrationEntry::group).toList());
        assertEquals(List.of("0001-init.sql", "0002-drop.sql", "0001-init.sql"), names());
    }

    @Test
    void selectionSurvivesReanalysisAndNextNeedingReviewWraps() {
        Path project = ShopFixture.copyTo(dir);
        ProjectAnalysis first = analyzer.analyze(project, false);
        list.setProject(first);
        MigrationEntry v2 = list.visible().get(1);
        list.select(v2.migration());
        assertEquals("V4__rename_status.sql", list.nextNeedingReview().orElseThrow().name());
        list.selectNextNeedingReview();
        assertEquals("V4__rename_status.sql", list.entry(list.selected()).orElseThrow().name());
        list.selectNextNeedingReview();
        assertEquals("V2__cleanup.sql", list.entry(list.selected()).orElseThrow().name(), "wraps around");

        list.setProject(analyzer.analyze(project, false));
        assertEquals(v2.migration(), list.selected());
    }

    @Test
    void nextNeedingReviewClearsAFilterThatHidesIt() {
        list.setProject(analyzer.analyze(ShopFixture.copyTo(dir), false));
        list.filterProperty().set("email");
        list.selectNextNeedingReview();
        assertEquals("", list.filterProperty().get());
        assertEquals("V2__cleanup.sql", list.entry(list.selected()).orElseThrow().name());
    }

    @Test
    void liveAnalysisAndUnsavedMarkersReplaceRows() {
        Path project = ShopFixture.copyTo(dir);
        ProjectAnalysis analysis = analyzer.analyze(project, false);
        list.setProject(analysis);
        MigrationAnalysis v3 = analysis.migrations().get(2);
        MigrationAnalysis edited = analyzer.analyzeText(v3.migration(), "DROP TABLE orders;",
                analyzer.schemaBefore(analysis.sets().get(0), v3.migration()));
        list.replace(edited);
        assertEquals(MigrationStatus.DESTRUCTIVE, list.visible().get(2).status());
        assertEquals(3, list.summaryProperty().get().needsReview());
        list.setUnsavedFiles(Set.of(v3.migration().file()));
        assertTrue(list.visible().get(2).unsaved());
        list.filterProperty().set("unsaved");
        assertEquals(List.of("V3__add_email.sql"), names());
    }

    @Test
    void goosesTwoDirectionsInOneFileAreTold() throws IOException {
        Files.writeString(dir.resolve("00001_init.sql"), """
                -- +goose Up
                CREATE TABLE a (id int);
                -- +goose Down
                DROP TABLE a;
                """);
        list.setProject(analyzer.analyze(dir, false));
        assertEquals(List.of("00001_init.sql", "00001_init.sql (down)"), names());
    }
}
