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
import io.rackscope.desktop.arch.ArchitectureException;
import io.rackscope.desktop.arch.Port;
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

    /** The packages that may use a toolkit: the UI and the assembly on top of it. */
    static final List<String> TOOLKIT_PACKAGES = List.of("ui", "app");

    /**
     * What makes a class a service: it reaches the network, files, processes or threads itself.
     * Views may hold the records services return, never a service.
     */
    static final List<String> WORK =
            List.of(
                    "java.net.http..",
                    "okhttp3..",
                    "com.sun.net.httpserver..",
                    "java.nio.channels..");

    static final List<String> WORK_CLASSES =
            List.of(
                    "java.nio.file.Files",
                    "java.io.FileInputStream",
                    "java.io.FileOutputStream",
                    "java.io.RandomAccessFile",
                    "java.net.Socket",
                    "java.net.ServerSocket",
                    "java.net.URLConnection",
                    "java.lang.Thread",
                    "java.lang.ProcessBuilder",
                    "java.util.concurrent.Executors");

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

    /** Every package below {@code root} except the root itself and the toolkit packages. */
    static List<String> core(JavaClasses classes, String root) {
        return classes.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(root + "."))
                .map(p -> p.substring(root.length() + 1).split("\\.")[0])
                .filter(p -> !TOOLKIT_PACKAGES.contains(p))
                .distinct()
                .sorted()
                .toList();
    }

    static DescribedPredicate<JavaClass> exempt(String rule) {
        return DescribedPredicate.describe(
                "marked as an exception to " + rule,
                c ->
                        c.tryGetAnnotationOfType(ArchitectureException.class)
                                .map(a -> a.rule().equals(rule))
                                .orElse(false));
    }

    static ArchRule coreIsFreeOfToolkits(JavaClasses classes, String root) {
        String[] core =
                core(classes, root).stream().map(p -> root + "." + p + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAnyPackage(core)
                .and(DescribedPredicate.not(exempt("core-without-toolkit")))
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

    /** A class of the core that does work itself: network, files, processes, threads. */
    static DescribedPredicate<JavaClass> service(String root) {
        return DescribedPredicate.describe(
                "a service (a core class that reaches the network, files, processes or threads)",
                c ->
                        c.getPackageName().startsWith(root + ".")
                                && TOOLKIT_PACKAGES.stream()
                                        .noneMatch(
                                                p -> c.getPackageName().startsWith(root + "." + p))
                                && c.getDirectDependenciesFromSelf().stream()
                                        .map(d -> d.getTargetClass())
                                        .anyMatch(ArchitectureTest::doesWork));
    }

    static boolean doesWork(JavaClass target) {
        String name = target.getName();
        return WORK_CLASSES.contains(name)
                || WORK.stream()
                        .anyMatch(p -> name.startsWith(p.substring(0, p.length() - 2) + "."));
    }

    static DescribedPredicate<JavaClass> port() {
        return DescribedPredicate.describe(
                "a port (annotated @Port)", c -> c.isAnnotatedWith(Port.class));
    }

    static ArchRule viewsGoThroughTheirViewModel(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".ui.*..")
                .and()
                .haveSimpleNameNotEndingWith("ViewModel")
                .and(DescribedPredicate.not(exempt("views-through-view-models")))
                .should()
                .dependOnClassesThat(service(root))
                .orShould()
                .dependOnClassesThat(port())
                .because("the view model is the only class of a feature that talks to services");
    }

    @Test
    void theCoreUsesNoToolkitAndNoUi() {
        coreIsFreeOfToolkits(main, ROOT).check(main);
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
        assertThrows(AssertionError.class, () -> coreIsFreeOfToolkits(fixtures, f).check(fixtures));
        assertThrows(AssertionError.class, () -> noPackageCycles(f).check(fixtures));
        // a package and its own sub-package (the ui root and a feature, once) are slices too
        JavaClasses nested = new ClassFileImporter().importPackages(f + ".nested");
        assertThrows(AssertionError.class, () -> noPackageCycles(f).check(nested));
        assertThrows(AssertionError.class, () -> noFeatureCycles(f).check(fixtures));
        assertThrows(AssertionError.class, () -> viewsGoThroughTheirViewModel(f).check(fixtures));
        // each half of the view rule alone: a service found by what it does, a port by its mark
        JavaClasses toService =
                new ClassFileImporter().importPackages(f + ".ui.room", f + ".telemetry");
        assertThrows(AssertionError.class, () -> viewsGoThroughTheirViewModel(f).check(toService));
        JavaClasses toPort = new ClassFileImporter().importPackages(f + ".ui.site", f + ".ports");
        assertThrows(AssertionError.class, () -> viewsGoThroughTheirViewModel(f).check(toPort));
    }

    @Test
    void theRulesSeeTheWholeCore() {
        List<String> core = core(main, ROOT);
        for (String pkg : List.of("alerting", "handling", "live", "telemetry", "config")) {
            assertTrue(core.contains(pkg), pkg + " is found as core: " + core);
        }
        assertTrue(!core.contains("ui") && !core.contains("app"), "toolkit packages: " + core);
        // services are found by what they do, not listed: the planner, the journal, the stores
        for (Class<?> c :
                List.of(
                        io.rackscope.desktop.telemetry.TelemetryPlanner.class,
                        io.rackscope.desktop.alerting.Journal.class,
                        io.rackscope.desktop.live.LiveLoop.class,
                        io.rackscope.desktop.prometheus.PrometheusClient.class)) {
            assertTrue(service(ROOT).test(main.get(c)), c.getSimpleName() + " is a service");
        }
        assertTrue(
                !service(ROOT).test(main.get(io.rackscope.desktop.health.HealthSnapshot.class)),
                "a snapshot is a value, not a service");
        assertTrue(
                main.get(io.rackscope.desktop.live.AlertHandling.class)
                        .isAnnotatedWith(Port.class));
    }
}
