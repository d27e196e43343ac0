package dev.kvlens.text;

import dev.kvlens.io.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem keeps the CLI's English message and says itself in Chinese for the window. */
class PhrasedProblemsTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aFileProblemReadsAsBeforeInEnglishAndIsWordedInChinese() {
        InputException e = new InputException("config.json", "num_hidden_layers", Phrase.of("text.verbatim",
                "must be a positive integer"));
        assertThat(e.getMessage()).isEqualTo("config.json: field 'num_hidden_layers' must be a positive integer");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(Phrases.message(e)).isEqualTo("config.json：字段“num_hidden_layers”must be a positive integer");
    }

    @Test
    @SuppressWarnings("removal") // the English-only constructor, kept until it is removed
    void aProblemWithoutAFieldNamesTheFile() {
        InputException e = new InputException("model.so", "", "is not an MLC library");
        assertThat(e.getMessage()).isEqualTo("model.so: is not an MLC library");
        assertThat(e.phrase().key()).isEqualTo("error.input");
    }

    @Test
    @SuppressWarnings("removal") // the English-only constructor, kept until it is removed
    void fileContentInAProblemIsOneCleanLineInEveryLanguage() {
        InputException e = new InputException("a.json", "name", "holds \u001b[31mred\nsecond line");
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u001b");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(Phrases.message(e)).doesNotContain("\n").doesNotContain("\u001b").contains("a.json：字段“name”");
    }

    @Test
    void aModelCheckIsAnIllegalArgumentWithItsEnglishMessage() {
        PhrasedException e = new PhrasedException("error.input", "--gpu", "unknown");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getMessage()).isEqualTo("--gpu: unknown");
    }

    @Test
    void anyOtherProblemIsShownByItsMessageWithoutClassNames() {
        assertThat(Phrases.message(new IllegalStateException("java.lang.NumberFormatException: For input string: \"x\"")))
                .isEqualTo("For input string: \"x\"");
    }

    @Test
    void theWordsOfAProblemAreItsPhraseOrItsMessageButNeverNull() {
        InputException file = new InputException("a.json", "", Phrase.of("text.verbatim", "is empty"));
        assertThat(Phrases.of(file)).isEqualTo(file.phrase());
        assertThat(Phrases.format(Locale.ENGLISH, Phrases.of(new IllegalStateException("as written")))).isEqualTo("as written");
        assertThat(Phrases.format(Locale.ENGLISH, Phrases.of(new IllegalStateException()))).isEmpty();
    }
}
