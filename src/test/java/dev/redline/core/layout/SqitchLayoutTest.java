package dev.redline.core.layout;

import static dev.redline.core.layout.Trees.onlySet;
import static dev.redline.core.layout.Trees.order;
import static dev.redline.core.layout.Trees.touch;
import static dev.redline.core.layout.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redline.core.model.MigrationSet;
import dev.redline.core.model.Tool;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqitchLayoutTest {

    @TempDir
    Path root;

    @Test
    void planOrderDeployThenRevertVerifyIgnored() {
        write(root, "db/sqitch.plan", """
                %syntax-version=1.0.0
                %project=flipr

                # the app's schema
                appschema 2013-12-30T23:19:37Z Marge <marge@example.com> # Add schema.
                users [appschema] 2013-12-30T23:49:00Z Marge <marge@example.com> # Creates table.
                @v1.0.0-dev1 2013-12-31T00:00:00Z Marge <marge@example.com> # Tag v1.0.0-dev1.

                flips [appschema users] 2014-01-01T00:00:00Z Marge <marge@example.com>
                """);
        touch(root, "db/deploy/appschema.sql", "db/revert/appschema.sql", "db/verify/appschema.sql",
                "db/deploy/users.sql", "db/verify/users.sql",
                "db/deploy/flips.sql", "db/revert/flips.sql", "db/deploy/unplanned.sql");

        LayoutScan scan = new LayoutDetector().detect(root);
        MigrationSet set = onlySet(scan);

        assertEquals(Tool.SQITCH, set.tool());
        assertEquals("sqitch: db", set.label());
        assertEquals(List.of(
                "db/deploy/appschema.sql up",
                "db/revert/appschema.sql down",
                "db/deploy/users.sql up",
                "db/deploy/flips.sql up",
                "db/revert/flips.sql down"), order(set));
        assertEquals("users", set.migrations().get(2).description());
        Map<String, String> skipped = scan.skipped().stream()
                .collect(Collectors.toMap(SkippedFile::relativePath, SkippedFile::reason));
        assertEquals(List.of("db/deploy/unplanned.sql", "db/verify/appschema.sql", "db/verify/users.sql"),
                skipped.keySet().stream().sorted().toList());
        assertTrue(skipped.get("db/verify/users.sql").contains("verify"));
        assertTrue(skipped.get("db/deploy/unplanned.sql").contains("sqitch.plan"));
        assertTrue(scan.errors().isEmpty(), scan.errors().toString());
        var script = new ScriptLoader().load(set.migrations().get(0));
        assertEquals(Arrays.asList((Boolean) null), Trees.transactions(script));
    }

    @Test
    void reworkedChangesUseTheTaggedScriptForTheirEarlierVersion() {
        write(root, "sqitch.plan", """
                %project=rework
                userfunc 2014-01-01T00:00:00Z A <a@example.com>
                @v1.0 2014-01-02T00:00:00Z A <a@example.com>
                +other 2014-01-03T00:00:00Z A <a@example.com>
                userfunc [userfunc@v1.0] 2014-01-04T00:00:00Z A <a@example.com> # Reworked.
                """);
        touch(root, "deploy/userfunc@v1.0.sql", "revert/userfunc@v1.0.sql", "deploy/userfunc.sql",
                "revert/userfunc.sql", "deploy/other.sql");

        MigrationSet set = onlySet(new LayoutDetector().detect(root));

        assertEquals(List.of(
                "deploy/userfunc@v1.0.sql up",
                "revert/userfunc@v1.0.sql down",
                "deploy/other.sql up",
                "deploy/userfunc.sql up",
                "revert/userfunc.sql down"), order(set));
        assertEquals(List.of("1", "1", "2", "3", "3"),
                set.migrations().stream().map(m -> m.version()).toList());
    }

    @Test
    void aPlannedChangeWithoutDeployScriptIsReported() {
        write(root, "sqitch.plan", "%project=x\nmissing 2014-01-01T00:00:00Z A <a@example.com>\n");
        touch(root, "deploy/other.sql");

        LayoutScan scan = new LayoutDetector().detect(root);

        assertEquals(1, scan.errors().size());
        assertEquals("sqitch.plan", scan.errors().get(0).path());
        assertTrue(scan.errors().get(0).message().contains("missing"));
        assertEquals(List.of("deploy/other.sql"), scan.skipped().stream().map(SkippedFile::relativePath).toList());
    }
}
