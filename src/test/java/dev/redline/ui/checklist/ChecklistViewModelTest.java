package dev.redline.ui.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.model.Finding;
import dev.redline.ui.ShopFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The six points, their answers and findings, and the reviewer's ticks — without a window. */
class ChecklistViewModelTest {

    @TempDir
    Path dir;

    private final List<Finding> followed = new ArrayList<>();
    private final ChecklistViewModel checklist = new ChecklistViewModel(followed::add);
    private ProjectAnalysis analysis;

    @BeforeEach
    void analyse() {
        analysis = new ProjectAnalyzer().analyze(ShopFixture.copyTo(dir), false);
    }

    private MigrationAnalysis v(int n) {
        return analysis.migrations().get(n - 1);
    }

    @Test
    void sixPointsWithAnswersNamingTheTargets() {
        checklist.show(v(2));
        assertEquals(6, checklist.points().size());
        CheckpointItem drops = checklist.point(1);
        assertEquals("What does it DROP?", drops.question());
        assertTrue(drops.isFlagged());
        assertTrue(drops.answer().contains("public.customers.phone"), drops.answer());
        assertEquals(List.of("drop-column", "update-without-where"),
                drops.findings().stream().map(Finding::rule).toList());
        assertFalse(checklist.point(4).isFlagged());
        assertEquals(v(2).findings(), checklist.findings());
        assertEquals("4 findings: 2 destructive, 1 risky, 1 info", checklist.headingProperty().get());
    }

    @Test
    void ticksAreKeptPerMigrationAndSurviveLiveReanalysis() {
        checklist.show(v(2));
        checklist.point(1).checkedProperty().set(true);
        checklist.point(6).checkedProperty().set(true);
        assertEquals(2, checklist.tickedProperty().get());

        checklist.show(v(4));
        assertFalse(checklist.point(1).isChecked());
        assertEquals(0, checklist.tickedProperty().get());

        checklist.show(v(2)); // e.g. a new analysis of the same migration after an edit
        assertTrue(checklist.point(1).isChecked());
        assertTrue(checklist.point(6).isChecked());
        assertEquals(2, checklist.tickedProperty().get());
    }

    @Test
    void activatingAFindingFollowsIt() {
        checklist.show(v(2));
        Finding update = checklist.point(1).findings().get(1);
        checklist.activate(update);
        checklist.activate(null);
        assertEquals(List.of(update), followed);
    }

    @Test
    void nothingShownClearsThePoints() {
        checklist.show(v(2));
        checklist.show(null);
        assertEquals("", checklist.point(1).answer());
        assertTrue(checklist.findings().isEmpty());
        checklist.point(1).checkedProperty().set(true); // ticking nothing records nothing
        checklist.show(v(2));
        assertFalse(checklist.point(1).isChecked());
    }
}
