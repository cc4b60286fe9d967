package dev.redline.ui.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.review.ReviewState;
import dev.redline.review.Verdict;
import dev.redline.ui.ShopFixture;
import dev.redline.ui.migrations.MigrationListViewModel;
import dev.redline.ui.task.CurrentThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignOffViewModelTest {

    @TempDir
    Path dir;

    @Test
    void statesFollowTheReviewBookAndARejectionIsRecorded() throws Exception {
        Path shop = ShopFixture.copyTo(dir);
        ProjectAnalysis analysis = new ProjectAnalyzer().analyze(shop, false);
        MigrationListViewModel list = new MigrationListViewModel();
        list.setProject(analysis);
        SignOffViewModel model = new SignOffViewModel(new CurrentThreadTaskExecutor(), list);
        model.analysed(analysis);
        Path v2 = shop.resolve(ShopFixture.V2);
        assertEquals(ReviewState.MISSING, list.reviewStates().get(v2));
        assertEquals(ReviewState.NOT_REQUIRED, list.reviewStates().get(shop.resolve(ShopFixture.V1)));

        AtomicBoolean ok = new AtomicBoolean();
        model.signOff(new SignOffRequest(v2, Verdict.REJECT, "Ada <ada@example.com>",
                List.of(true, false, true, true, true, true), Collections.nCopies(6, ""), "drops a used column",
                null), ok::set);
        assertTrue(ok.get(), model.statusProperty().get());
        assertTrue(Files.exists(shop.resolve(ShopFixture.V2 + ".review.json")));
        assertEquals(ReviewState.REJECTED, list.reviewStates().get(v2));

        AtomicReference<String> md = new AtomicReference<>();
        model.markdown(v2, md::set);
        assertTrue(md.get().contains("V2__cleanup.sql"), md.get());
    }

    @Test
    void aReviewerNotInNameEmailFormIsRefusedWithoutWriting() throws Exception {
        Path shop = ShopFixture.copyTo(dir);
        ProjectAnalysis analysis = new ProjectAnalyzer().analyze(shop, false);
        MigrationListViewModel list = new MigrationListViewModel();
        list.setProject(analysis);
        SignOffViewModel model = new SignOffViewModel(new CurrentThreadTaskExecutor(), list);
        model.analysed(analysis);
        AtomicBoolean ok = new AtomicBoolean(true);
        model.signOff(new SignOffRequest(shop.resolve(ShopFixture.V2), Verdict.APPROVE, "ada",
                Collections.nCopies(6, true), Collections.nCopies(6, ""), "", null), ok::set);
        assertFalse(ok.get());
        assertTrue(model.statusProperty().get().contains("Name <email>"));
        assertFalse(Files.exists(shop.resolve(ShopFixture.V2 + ".review.json")));
    }
}
