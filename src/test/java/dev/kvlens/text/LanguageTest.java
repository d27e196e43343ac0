package dev.kvlens.text;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whoever hears of a language switch first finds Messages already in the new language. */
class LanguageTest {

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void listenersAndBindingsOnTheLanguageWordThroughMessagesInTheNewLanguage() {
        Language.set(Language.ENGLISH);
        List<String> heard = new ArrayList<>();
        InvalidationListener invalidated = o -> heard.add(Messages.get("knob.batch"));
        Language.localeProperty().addListener(invalidated);
        StringBinding label = Bindings.createStringBinding(() -> Messages.get("knob.batch"), Language.localeProperty());
        assertThat(label.get()).isEqualTo("Batch size");
        try {
            Language.set(Language.CHINESE);
            assertThat(heard).containsExactly("批大小");
            assertThat(label.get()).isEqualTo("批大小");
            assertThat(Phrases.get(Phrase.of("knob.batch"))).isEqualTo("批大小");
        } finally {
            Language.localeProperty().removeListener(invalidated);
        }
    }
}
