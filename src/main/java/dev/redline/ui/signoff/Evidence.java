package dev.redline.ui.signoff;

import dev.redline.dryrun.DryRunReport;
import dev.redline.review.DryRunEvidence;
import dev.redline.ui.dryrun.DryRunViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Summarises a dry-run report as the evidence a review file carries. */
final class Evidence {

    private Evidence() {
    }

    static DryRunEvidence of(DryRunReport report, Path file) {
        DryRunReport.MigrationRun run = report.migrations().stream()
                .filter(m -> DryRunViewModel.samePath(m.path(), file))
                .findFirst()
                .orElse(report.migrations().isEmpty() ? null : report.migrations().get(0));
        DryRunReport.Target t = report.database();
        String outcome = run == null ? "aborted" : run.outcome().id();
        if (report.abort() != null && (run == null || run.statements().isEmpty())) {
            outcome = "aborted";
        }
        List<DryRunEvidence.RowDelta> counts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, List<Integer>> locks = new LinkedHashMap<>();
        if (run != null) {
            run.rowCounts().forEach(c -> counts.add(new DryRunEvidence.RowDelta(c.table(), c.before(), c.after())));
            if (run.reason() != null && run.outcome() != DryRunReport.MigrationOutcome.OK) {
                failures.add(run.outcome().id() + ": " + run.reason());
            }
            for (DryRunReport.StatementRun s : run.statements()) {
                if (s.error() != null) {
                    failures.add("line " + s.line() + ": SQLSTATE " + s.error().sqlState() + ": "
                            + s.error().message());
                }
                for (DryRunReport.HeldLock l : s.locks()) {
                    locks.computeIfAbsent(l.relation() + "\u0000" + l.mode(), k -> new ArrayList<>()).add(s.line());
                }
            }
        }
        if (report.abort() != null) {
            failures.add(report.abort().kind() + ": " + report.abort().message());
        }
        List<DryRunEvidence.LockSummary> lockList = new ArrayList<>();
        locks.forEach((k, lines) -> {
            String[] parts = k.split("\u0000", 2);
            lockList.add(new DryRunEvidence.LockSummary(parts[0], parts[1], lines));
        });
        String target = t == null ? "embedded" : t.url();
        if (target == null) {
            target = "embedded";
        }
        return new DryRunEvidence(target, t == null ? null : t.role(), t == null ? null : t.serverVersion(), outcome,
                report.committed(), counts, failures, lockList,
                Math.round(run == null ? report.durationMs() : run.durationMs()));
    }
}
