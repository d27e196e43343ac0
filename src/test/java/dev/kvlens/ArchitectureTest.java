package dev.kvlens;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers and roles of ../shared/style.md (as JabRef's CommonArchitectureTest): the model is pure Java; view models
 * (by name, and the values they publish) have no scene graph and no I/O; nothing in ui does I/O; only the shell
 * composes the slices' views and only app constructs view models; com.sun only in the startup report.
 */
@AnalyzeClasses(packages = "dev.kvlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String UI = "dev.kvlens.ui.";

    /** The values view models publish and the toolkit-free helpers they are built from (by name: some are package-private). */
    private static final java.util.List<String> VIEW_MODEL_HELPERS = java.util.List.of(
            "chart.ChartModel", "chart.MemoryBar", "chart.Segment", "scenario.DeviceOption", "scenario.EstimateResult",
            "scenario.ScenarioSnapshot", "scenario.ScenarioInputs", "scenario.UtilizationInput", "scenario.DeviceMemoryInput", "scenario.TypedField",
            "common.FileCommands", "common.FileService", "shell.RecentFiles", "shell.Screens", "shell.StatusText",
            "imports.RuntimeLogChoices");

    @ArchTest
    static final ArchRule modelIsPureJava = noClasses().that().resideInAPackage("dev.kvlens.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "dev.kvlens.io..",
                    "dev.kvlens.ui..", "dev.kvlens.app..", "java.nio.file..", "java.io..",
                    "picocli..", "org.controlsfx..")
            .because("correctness lives in model/: records in, records out, no toolkit, no I/O");

    @ArchTest
    static final ArchRule textIsALeaf = noClasses().that().resideInAPackage("dev.kvlens.text..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "dev.kvlens.model..", "dev.kvlens.io..",
                    "dev.kvlens.ui..", "dev.kvlens.app..")
            .because("the model, the readers, the view models and the CLI all word their phrases through text/");

    @ArchTest
    static final ArchRule inputProblemsArePhrases = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.kvlens.io.InputException")
            .should().callConstructor(dev.kvlens.io.InputException.class, String.class, String.class, String.class)
            .orShould().callConstructor(dev.kvlens.io.InputException.class, String.class, String.class, String.class,
                    Throwable.class)
            .because("a file's problem is a message key and its arguments, so the window says it in the user's language "
                    + "(issue 12); an English sentence would stay English in the Chinese window");

    @ArchTest
    static final ArchRule ioDoesNotKnowTheUi = noClasses().that().resideInAPackage("dev.kvlens.io..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.ui..", "dev.kvlens.app..",
                    "javafx.scene..", "picocli..");

    /** The view models and the values they publish (by name, and the helpers they are built from). */
    @ArchTest
    static final ArchRule viewModelsHaveNoSceneGraph = noClasses().that().resideInAPackage("dev.kvlens.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .or(viewModelHelper())
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..", "dev.kvlens.io..", "dev.kvlens.app..")
            .because("a view model publishes what is shown and is tested without the toolkit");

    /**
     * Views only bind (issue 13): the words a ui class shows come from its view model, so outside the view models
     * (and the values they publish) only the bridge {@code I18n} and {@code CjkFont} (which picks the font for the
     * language) reach the bundles or word text in the language; a view may still switch the language.
     */
    @ArchTest
    static final ArchRule onlyViewModelsWordText = noClasses().that().resideInAPackage("dev.kvlens.ui..")
            .and(DescribedPredicate.not(viewModelSide()))
            .and().doNotBelongToAnyOf(dev.kvlens.ui.common.I18n.class, dev.kvlens.ui.common.CjkFont.class)
            .should().dependOnClassesThat().belongToAnyOf(dev.kvlens.ui.common.I18n.class,
                    dev.kvlens.text.Messages.class, dev.kvlens.text.Phrases.class)
            .orShould().callMethodWhere(wordsText())
            .because("a view binds to what its view model publishes; it never calls Messages or I18n");

    @ArchTest
    static final ArchRule uiDoesNotDoIo = noClasses().that().resideInAPackage("dev.kvlens.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.io..", "dev.kvlens.app..")
            .because("views and view models reach files through FileCommands, which app/ implements");

    /** The sub-packages of the model (planner, layout, …) do not depend on each other in a circle. */
    @ArchTest
    static final ArchRule modelSubPackagesAreFreeOfCycles = slices().matching("dev.kvlens.model.(*)..")
            .should().beFreeOfCycles();

    /**
     * The model and its sub-packages, the model's top level a slice of its own, in layers that depend only downwards
     * (see the model's package-info): the shared words (the top level), architecture, layout and planner; library;
     * engine; mlc; scenario; explore. model.architecture depends on no other slice; layout and planner take their own
     * records.
     */
    /** The shared words of the model (byte figures, MiB, rule sets, modes, devices) know none of its layers. */
    @ArchTest
    static final ArchRule theModelsSharedWordsKnowNoLayer = noClasses().that().resideInAPackage("dev.kvlens.model")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.model.library..", "dev.kvlens.model.engine..",
                    "dev.kvlens.model.mlc..", "dev.kvlens.model.scenario..", "dev.kvlens.model.explore..")
            .because("every layer of the model uses them");

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

    @ArchTest
    static final ArchRule onlyTheShellComposesSlices = classes().that().resideInAPackage("dev.kvlens.ui..")
            .should(notUseTheViewsOfAnotherSlice())
            .because("a slice's view is placed by ui/shell, so slices do not hand views to each other");

    @ArchTest
    static final ArchRule onlyAppConstructsViewModels = noClasses().that().resideOutsideOfPackage("dev.kvlens.app..")
            .and().haveSimpleNameNotEndingWith("ViewModel")
            .should().callConstructorWhere(targetIsAViewModel())
            .because("app is the composition root; a view model may build its own parts");

    @ArchTest
    static final ArchRule comSunOnlyInTheStartupReport = noClasses().that()
            .haveNameNotMatching("dev\\.kvlens\\.app\\.StartupReport(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.sun..")
            .because("JavaFX internals are confined to the one class that times the first frame");

    /** The feature slice of a ui class ("scenario", "explore", …), or "" for ui/shell and ui/common. */
    private static String slice(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(UI)) {
            return "";
        }
        String rest = name.substring(UI.length());
        String first = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return first.equals("shell") || first.equals("common") ? "" : first.equals("explore") ? rest : first;
    }

    private static boolean isView(JavaClass c) {
        return c.isAssignableTo("javafx.scene.Node") && !c.getModifiers().contains(JavaModifier.ABSTRACT);
    }

    private static ArchCondition<JavaClass> notUseTheViewsOfAnotherSlice() {
        return new ArchCondition<>("not use the views of another feature slice") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = slice(origin);
                if (own.isEmpty()) {
                    return;
                }
                origin.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    String theirs = slice(target);
                    if (!theirs.isEmpty() && !theirs.equals(own) && isView(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    /** The view models and the toolkit-free helpers they publish through (see {@link #viewModelsHaveNoSceneGraph}). */
    private static DescribedPredicate<JavaClass> viewModelSide() {
        return DescribedPredicate.describe("a view model or one of its helpers",
                c -> c.getSimpleName().endsWith("ViewModel") || viewModelHelper().test(c));
    }

    private static DescribedPredicate<JavaClass> viewModelHelper() {
        return DescribedPredicate.describe("a value or helper of the view models", c -> VIEW_MODEL_HELPERS.stream()
                .map(h -> UI + h).anyMatch(h -> c.getName().equals(h) || c.getName().startsWith(h + "$")));
    }

    /** Language's wording methods (its locale property and switch stay open to views: the menu switches). */
    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> wordsText() {
        return DescribedPredicate.describe("Language.get or Language.text", call ->
                call.getTargetOwner().isEquivalentTo(dev.kvlens.text.Language.class)
                        && (call.getName().equals("get") || call.getName().equals("text")));
    }

    private static DescribedPredicate<JavaConstructorCall> targetIsAViewModel() {
        return DescribedPredicate.describe("the target is a view model",
                call -> call.getTargetOwner().getSimpleName().endsWith("ViewModel"));
    }
}
