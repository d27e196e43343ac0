package dev.kvlens;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class that starts the JavaFX toolkit must carry {@code @Tag("fx")}: surefire gives those classes a JVM
 * each and runs all others together in one reused JVM (pom, executions default-test and fx-toolkit-test), where a
 * second toolkit start, or Monocle's system properties, would break or leak into unrelated tests.
 */
class FxTagTest {

    /** What starts the toolkit: TestFX, JavaFX's application and stage classes, and the CLI (export-png). */
    private static final DescribedPredicate<JavaClass> TOOLKIT = resideInAnyPackage("org.testfx..",
            "javafx.application..", "javafx.stage..", "dev.kvlens.app.cli..")
            .or(simpleName("HeadlessFx"))
            .as("the JavaFX toolkit (TestFX, javafx.application/stage, HeadlessFx, the CLI)");

    private static final DescribedPredicate<JavaClass> STARTS_TOOLKIT = DescribedPredicate.describe(
            "depend on " + TOOLKIT.getDescription(), FxTagTest::startsToolkit);

    private static final ArchCondition<JavaClass> TAGGED_FX = new ArchCondition<>("be annotated @Tag(\"fx\")") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
            boolean fx = c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals("fx")).orElse(false);
            events.add(new SimpleConditionEvent(c, fx, c.getName() + (fx ? " is" : " is not") + " tagged fx"));
        }
    };

    @Test
    void everyTestClassThatStartsTheToolkitIsTaggedFx() {
        // the rule needs only the names of what a test class uses: importing those classes as well (ArchUnit's
        // default) loads JavaFX, TestFX and more, ~10 s on this machine
        JavaClasses tests = ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(testClasses());
        });
        classes().that().haveSimpleNameEndingWith("Test").and().areTopLevelClasses()
                .and(STARTS_TOOLKIT)
                .should(TAGGED_FX)
                .check(tests);
        // the rule sees the four toolkit classes of today (it cannot pass by matching nothing)
        assertThatTheRuleMatches(tests, "MainWindowTest", "ThemeKeyboardHelpTest", "ExplorationViewsTest", "CliTest");
    }

    /** target/test-classes: scanning only it is faster than looking for the package in every jar. */
    private static Path testClasses() {
        try {
            return Path.of(FxTagTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsToolkit(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> TOOLKIT.test(d.getTargetClass()));
    }

    private static void assertThatTheRuleMatches(JavaClasses tests, String... simpleNames) {
        for (String name : simpleNames) {
            JavaClass c = tests.stream().filter(t -> t.getSimpleName().equals(name)).findFirst().orElseThrow();
            assertThat(startsToolkit(c)).as(name + " depends on the toolkit").isTrue();
        }
    }
}
