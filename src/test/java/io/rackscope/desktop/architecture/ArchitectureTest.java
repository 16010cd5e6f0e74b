package io.rackscope.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering, checked on bytecode: the core never touches a toolkit or the UI; packages form no
 * cycles; a feature's views reach services only through their view model. Each rule is also run on
 * deliberate violations (the {@code fixture} package) to show it can fail.
 */
class ArchitectureTest {
    static final String ROOT = "io.rackscope.desktop";
    static final List<String> CORE =
            List.of(
                    "alerting",
                    "checks",
                    "cli",
                    "config",
                    "health",
                    "http",
                    "live",
                    "metrics",
                    "prometheus",
                    "promql",
                    "simulator",
                    "slurm",
                    "telemetry",
                    "topology");

    /** What only view models and the assembly may use: services and the ports that reach them. */
    static final List<String> SERVICES = List.of("telemetry", "prometheus", "http");

    static final List<String> PORTS =
            List.of(
                    "HealthSource",
                    "Navigator",
                    "NavigationModel",
                    "ChartSource",
                    "CheckValues",
                    "ViewOptions");

    static JavaClasses main;
    static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        main =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(ROOT);
        fixtures = new ClassFileImporter().importPackages(ROOT + ".architecture.fixture");
    }

    static ArchRule coreIsFreeOfToolkits(String root) {
        String[] core = CORE.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAnyPackage(core)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..",
                        "com.sun.javafx..",
                        "eu.hansolo..",
                        "org.controlsfx..",
                        root + ".ui..")
                .because("the core runs from the command line and in tests without a toolkit");
    }

    /** Every package its own slice: the ui root and its features, the core, the assembly. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule noFeatureCycles(String root) {
        return slices().matching(root + ".ui.(*)..").should().beFreeOfCycles();
    }

    static ArchRule viewsGoThroughTheirViewModel(String root) {
        String[] services =
                SERVICES.stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        DescribedPredicate<JavaClass> port =
                DescribedPredicate.describe(
                        "a service port",
                        c ->
                                c.getPackageName().equals(root + ".ui")
                                        && PORTS.contains(c.getSimpleName()));
        return noClasses()
                .that()
                .resideInAPackage(root + ".ui.*..")
                .and()
                .haveSimpleNameNotEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(services)
                .orShould()
                .dependOnClassesThat(port)
                .because("the view model is the only class of a feature that talks to services");
    }

    @Test
    void theCoreUsesNoToolkitAndNoUi() {
        coreIsFreeOfToolkits(ROOT).check(main);
    }

    @Test
    void packagesFormNoCycles() {
        noPackageCycles(ROOT).check(main);
    }

    @Test
    void uiFeaturesFormNoCycles() {
        noFeatureCycles(ROOT).check(main);
    }

    @Test
    void viewsReachServicesOnlyThroughTheirViewModel() {
        viewsGoThroughTheirViewModel(ROOT).check(main);
    }

    @Test
    void everyRuleFailsOnADeliberateViolation() {
        String f = ROOT + ".architecture.fixture";
        assertTrue(fixtures.size() >= 5, "the fixtures were imported");
        assertThrows(AssertionError.class, () -> coreIsFreeOfToolkits(f).check(fixtures));
        assertThrows(AssertionError.class, () -> noPackageCycles(f).check(fixtures));
        // a package and its own sub-package (the ui root and a feature, once) are slices too
        JavaClasses nested = new ClassFileImporter().importPackages(f + ".nested");
        assertThrows(AssertionError.class, () -> noPackageCycles(f).check(nested));
        assertThrows(AssertionError.class, () -> noFeatureCycles(f).check(fixtures));
        assertThrows(AssertionError.class, () -> viewsGoThroughTheirViewModel(f).check(fixtures));
    }

    @Test
    void theRulesSeeTheWholeCore() {
        for (String pkg : CORE) {
            assertTrue(
                    main.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + pkg)),
                    "classes of " + pkg + " were imported");
        }
    }
}
