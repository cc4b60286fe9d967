package dev.redline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering in STYLE.md, checked: the core knows nothing of the UI, the CLI or JDBC; only the UI touches JavaFX;
 * only the CLI writes to the console.
 *
 * <p>The rules run from {@code @ArchTest} methods rather than fields: Surefire 3.5.3 silently skips
 * {@code @ArchTest} fields (TNG/ArchUnit#1442, apache/maven-surefire#839), and methods run everywhere.
 */
@AnalyzeClasses(packages = "dev.redline", importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

    private static final ArchRule CORE_STANDS_ALONE = noClasses()
            .that().resideInAPackage("dev.redline.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "atlantafx..",
                    "java.sql..", "dev.redline.dryrun..", "dev.redline.review..", "dev.redline.cli..",
                    "dev.redline.ui..")
            .because("the core is the library every front end shares; it must run without a display or a database");

    private static final ArchRule ONLY_THE_UI_USES_JAVAFX = noClasses()
            .that().resideOutsideOfPackage("dev.redline.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "atlantafx..")
            .because("headless runs (check in CI) must never load a JavaFX class");

    private static final ArchRule SERVICES_KNOW_NO_FRONT_END = noClasses()
            .that().resideInAnyPackage("dev.redline.dryrun..", "dev.redline.review..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.redline.cli..", "dev.redline.ui..")
            .because("dry runs and reviews are services the CLI and the workbench both call")
            .allowEmptyShould(true);

    private static final ArchRule CLI_KNOWS_NO_UI = noClasses()
            .that().resideInAPackage("dev.redline.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.redline.ui..")
            .because("only the launcher dev.redline.Redline chooses between the CLI and the workbench");

    private static final ArchRule ONLY_THE_CLI_WRITES_TO_THE_CONSOLE = noClasses()
            .that().resideOutsideOfPackage("dev.redline.cli..")
            .and().doNotHaveFullyQualifiedName(Redline.class.getName())
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("output goes through the PrintStreams the CLI passes in, so tests can capture it");

    @ArchTest
    void coreStandsAlone(JavaClasses classes) {
        CORE_STANDS_ALONE.check(classes);
    }

    @ArchTest
    void onlyTheUiUsesJavaFx(JavaClasses classes) {
        ONLY_THE_UI_USES_JAVAFX.check(classes);
    }

    @ArchTest
    void servicesKnowNoFrontEnd(JavaClasses classes) {
        SERVICES_KNOW_NO_FRONT_END.check(classes);
    }

    @ArchTest
    void cliKnowsNoUi(JavaClasses classes) {
        CLI_KNOWS_NO_UI.check(classes);
    }

    @ArchTest
    void onlyTheCliWritesToTheConsole(JavaClasses classes) {
        ONLY_THE_CLI_WRITES_TO_THE_CONSOLE.check(classes);
    }

    /** Excludes test classes wherever the build puts them ({@code -Dredline.buildDir} may move target/). */
    public static final class ProductionClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }
}
