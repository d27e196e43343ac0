package dev.kvlens;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layers of ../shared/style.md: the model is pure Java, the GUI's view models have no scene graph, views do no I/O. */
@AnalyzeClasses(packages = "dev.kvlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPureJava = noClasses().that().resideInAPackage("dev.kvlens.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "dev.kvlens.io..",
                    "dev.kvlens.ui..", "dev.kvlens.app..", "java.nio.file..", "java.io..",
                    "picocli..", "org.controlsfx..")
            .because("correctness lives in model/: records in, records out, no toolkit, no I/O");

    @ArchTest
    static final ArchRule ioDoesNotKnowTheUi = noClasses().that().resideInAPackage("dev.kvlens.io..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.ui..", "dev.kvlens.app..",
                    "javafx.scene..", "picocli..");

    /** The view models and the values they publish (what was the viewmodel package before the slices). */
    @ArchTest
    static final ArchRule viewModelsHaveNoSceneGraph = noClasses().that().resideInAPackage("dev.kvlens.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .or().belongToAnyOf(dev.kvlens.ui.chart.ChartModel.class, dev.kvlens.ui.chart.MemoryBar.class,
                    dev.kvlens.ui.chart.Segment.class, dev.kvlens.ui.scenario.DeviceOption.class,
                    dev.kvlens.ui.scenario.EstimateResult.class, dev.kvlens.ui.scenario.ScenarioSnapshot.class,
                    dev.kvlens.ui.scenario.UtilizationInput.class, dev.kvlens.ui.common.FileCommands.class,
                    dev.kvlens.ui.common.FileService.class, dev.kvlens.ui.shell.RecentFiles.class)
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "dev.kvlens.io..", "dev.kvlens.app..")
            .because("a view model publishes what is shown and is tested without the toolkit");

    @ArchTest
    static final ArchRule uiDoesNotDoIo = noClasses().that().resideInAPackage("dev.kvlens.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.io..", "dev.kvlens.app..")
            .because("views and view models reach files through FileCommands, which app/ implements");

    /** The sub-packages of the model (planner, layout, …) do not depend on each other in a circle. */
    @ArchTest
    static final ArchRule modelSubPackagesAreFreeOfCycles = slices().matching("dev.kvlens.model.(*)..")
            .should().beFreeOfCycles();

    /**
     * The model and its sub-packages, the model's top level a slice of its own: model.architecture (geometry, family,
     * registry type, scheme, tensors) depends on no other slice; model.layout and model.planner are leaves the model
     * uses (the planner takes its own records), so model ↔ model.layout and model ↔ model.planner are no cycles.
     */
    @ArchTest
    static final ArchRule modelSlicesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals("dev.kvlens.model")) {
                return SliceIdentifier.of("model");
            }
            if (pkg.startsWith("dev.kvlens.model.")) {
                return SliceIdentifier.of(pkg.substring("dev.kvlens.model.".length()).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "dev.kvlens.model and each of its sub-packages";
        }
    }).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theArchitectureRecordsStandAlone = noClasses()
            .that().resideInAPackage("dev.kvlens.model.architecture..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.model", "dev.kvlens.model.layout..",
                    "dev.kvlens.model.planner..")
            .because("layouts and the estimator read the architecture; it reads neither");
}
