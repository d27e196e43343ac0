package dev.kvlens;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of ../shared/style.md: the model is pure Java, the view never touches files. */
@AnalyzeClasses(packages = "dev.kvlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPureJava = noClasses().that().resideInAPackage("dev.kvlens.model..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "dev.kvlens.io..",
                    "dev.kvlens.viewmodel..", "dev.kvlens.view..", "dev.kvlens.app..", "java.nio.file..", "java.io..",
                    "picocli..", "org.controlsfx..")
            .because("correctness lives in model/: records in, records out, no toolkit, no I/O");

    @ArchTest
    static final ArchRule ioDoesNotKnowTheUi = noClasses().that().resideInAPackage("dev.kvlens.io..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.viewmodel..", "dev.kvlens.view..",
                    "dev.kvlens.app..", "javafx.scene..", "picocli..");

    @ArchTest
    static final ArchRule viewModelHasNoSceneGraph = noClasses().that().resideInAPackage("dev.kvlens.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                    "javafx.scene.chart..", "dev.kvlens.view..", "dev.kvlens.app..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewDoesNotDoIo = noClasses().that().resideInAPackage("dev.kvlens.view..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.kvlens.io..", "dev.kvlens.app..")
            .allowEmptyShould(true);
}
