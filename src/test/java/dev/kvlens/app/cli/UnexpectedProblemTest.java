package dev.kvlens.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure the CLI did not foresee still reads as one line for a person, never as a Java class name. */
@Tag("fx") // depends on the CLI, whose export-png starts the toolkit: its own JVM, see the pom
class UnexpectedProblemTest {

    @Test
    void aProblemWithoutAMessageIsNotNamedByItsClass() {
        String text = KvLensCommand.describe(new IllegalStateException());

        assertThat(text).isEqualTo("unexpected problem inside KV Lens (please report it with the command you ran)");
        assertThat(text).doesNotContain("IllegalState").doesNotContain("Exception");
    }

    @Test
    void aProblemWithAMessageKeepsIt() {
        assertThat(KvLensCommand.describe(new IllegalStateException("the library has no params")))
                .isEqualTo("unexpected problem: the library has no params");
    }
}
