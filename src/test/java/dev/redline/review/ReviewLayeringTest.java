package dev.redline.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Reviews are a service the CLI and the workbench share: no JDBC (a dry-run's evidence arrives as its JSON report),
 * no dry-run classes, no front end, no JavaFX, no console.
 */
class ReviewLayeringTest {

    /** Main classes only, wherever the build puts them ({@code -Dredline.buildDir} moves test-classes too). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.redline.review");

    @Test
    void reviewsDependOnNeitherJdbcNorTheDryRunNorAFrontEnd() {
        noClasses().that().resideInAPackage("dev.redline.review..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.postgresql..",
                        "org.flywaydb..", "dev.redline.dryrun..", "dev.redline.cli..", "dev.redline.ui..", "javafx..",
                        "org.fxmisc..")
                .check(CLASSES);
    }

    @Test
    void reviewsNeverWriteToTheConsole() {
        noClasses().that().resideInAPackage("dev.redline.review..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
