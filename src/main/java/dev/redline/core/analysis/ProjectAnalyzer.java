package dev.redline.core.analysis;

import dev.redline.core.layout.LayoutDetector;
import dev.redline.core.layout.LayoutScan;
import dev.redline.core.layout.ScriptLoader;
import dev.redline.core.model.Direction;
import dev.redline.core.model.Migration;
import dev.redline.core.model.MigrationSet;
import dev.redline.core.rules.Rule;
import dev.redline.core.rules.Rules;
import dev.redline.core.schema.SchemaModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Analyses a project folder or a single .sql file: finds the migrations, reads and parses them in parallel, then
 * replays the schema in apply order and runs every rule. Down scripts are judged against the schema their up
 * script produced, without advancing it.
 */
public final class ProjectAnalyzer {

    /** Threads that read and parse ahead of the rules: one per core. */
    private static final int WORKERS = Integer.getInteger("redline.workers", Math.max(1, Runtime.getRuntime().availableProcessors()));

    private static final ThreadFactory PREPARE_THREADS = runnable -> {
        Thread t = new Thread(runnable, "redline-prepare");
        t.setDaemon(true);
        return t;
    };

    private final LayoutDetector detector;
    private final ScriptLoader loader;
    private final MigrationAnalyzer analyzer;

    public ProjectAnalyzer() {
        this(Rules.all());
    }

    public ProjectAnalyzer(List<Rule> rules) {
        this(new LayoutDetector(), new ScriptLoader(), rules);
    }

    public ProjectAnalyzer(LayoutDetector detector, ScriptLoader loader, List<Rule> rules) {
        this.detector = detector;
        this.loader = loader;
        this.analyzer = new MigrationAnalyzer(rules);
    }

    /**
     * @param path   a project folder or a .sql file
     * @param allSql treat every .sql file under a folder as a plain migration, whatever the layout
     */
    public ProjectAnalysis analyze(Path path, boolean allSql) {
        return analyze(path, scan(path, allSql));
    }

    /** Finds the migrations under {@code path}: the first half of {@link #analyze(Path, boolean)}. */
    public LayoutScan scan(Path path, boolean allSql) {
        return allSql ? detector.allSql(path) : detector.detect(path);
    }

    public ProjectAnalysis analyze(Path root, LayoutScan scan) {
        List<Migration> all = new ArrayList<>();
        for (MigrationSet set : scan.sets()) {
            all.addAll(set.migrations());
        }
        // Reading, splitting and parsing need no other migration: workers do them ahead, in apply order, while this
        // thread replays the schema and runs the rules (which must go in order) on what is ready.
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, PREPARE_THREADS);
        try {
            List<CompletableFuture<PreparedMigration>> prepared = new ArrayList<>(all.size());
            for (Migration m : all) {
                prepared.add(CompletableFuture.supplyAsync(
                        () -> MigrationAnalyzer.prepare(loader.load(m, scan.readAhead())), workers));
            }
            List<MigrationAnalysis> results = new ArrayList<>(all.size());
            int next = 0;
            for (MigrationSet set : scan.sets()) {
                int end = next + set.migrations().size();
                results.addAll(analyzeSet(prepared.subList(next, end)));
                next = end;
            }
            return new ProjectAnalysis(root, scan.sets(), List.copyOf(results), scan.errors());
        } finally {
            workers.shutdownNow();
        }
    }

    private List<MigrationAnalysis> analyzeSet(List<CompletableFuture<PreparedMigration>> migrations) {
        SchemaModel schema = new SchemaModel();
        List<MigrationAnalysis> out = new ArrayList<>(migrations.size());
        for (int i = 0; i < migrations.size(); i++) {
            PreparedMigration p = migrations.get(i).join();
            migrations.set(i, null); // its tokens and parse trees are garbage once judged: keep the live heap small
            boolean down = p.script().migration().direction() == Direction.DOWN;
            out.add(analyzer.analyze(p, down ? schema.copy() : schema));
        }
        return out;
    }

    /**
     * The schema the migrations before {@code migration} in its set leave behind, replayed from their files as they
     * are on disk now. Down scripts do not advance it, exactly as in {@link #analyze(Path, LayoutScan)}; for a down
     * script this is the schema its up script produced. Pass a {@link SchemaModel#copy() copy} to
     * {@link #analyzeText} for each what-if.
     *
     * @throws IllegalArgumentException when the migration is not in the set
     */
    public SchemaModel schemaBefore(MigrationSet set, Migration migration) {
        int index = set.migrations().indexOf(migration);
        if (index < 0) {
            throw new IllegalArgumentException(migration.relativePath() + " is not in " + set.label());
        }
        List<PreparedMigration> before = set.migrations().subList(0, index).parallelStream()
                .filter(m -> m.direction() != Direction.DOWN)
                .map(m -> MigrationAnalyzer.prepare(loader.load(m)))
                .toList();
        SchemaModel schema = new SchemaModel();
        for (PreparedMigration p : before) {
            analyzer.analyze(p, schema);
        }
        return schema;
    }

    /**
     * Analyses {@code text} as the content of {@code migration} (an editor's unsaved text) against {@code schema},
     * the state before it (see {@link #schemaBefore}). The schema is advanced past the migration, as in a project
     * run: pass a copy to keep yours.
     */
    public MigrationAnalysis analyzeText(Migration migration, String text, SchemaModel schema) {
        return analyzer.analyze(MigrationAnalyzer.prepare(loader.fromText(migration, text)), schema);
    }
}
