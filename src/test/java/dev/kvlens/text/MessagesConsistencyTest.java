package dev.kvlens.text;

import dev.kvlens.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Both language bundles have the same keys, none empty, and the Chinese one is really Chinese. */
class MessagesConsistencyTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesConsistencyTest.class.getResourceAsStream("/dev/kvlens/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bundlesHaveIdenticalKeysAndNoEmptyValues() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(zh.getProperty("knob.batch")).isEqualTo("批大小");
        for (dev.kvlens.model.engine.PhysicalAllocation.Warning w : dev.kvlens.model.engine.PhysicalAllocation.Warning.values()) {
            assertThat(en).containsKey("physical.warning." + w.name());
        }
    }

    @Test
    void placeholdersMatchBetweenLanguages() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        for (String key : en.stringPropertyNames()) {
            for (int i = 0; i < 6; i++) {
                String placeholder = "{" + i + "}";
                assertThat(zh.getProperty(key).contains(placeholder)).as(key + " " + placeholder)
                        .isEqualTo(en.getProperty(key).contains(placeholder));
            }
        }
    }

    /**
     * MessageFormat reads a single quote as the start of a quoted part and drops it: a text with placeholders spells an
     * apostrophe {@code ''}; a text without is shown as written, so {@code ''} there would show two quotes.
     */
    @Test
    void apostrophesAreSpelledForMessageFormatOnlyWhereItParsesTheText() throws Exception {
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                boolean formatted = text.matches("(?s).*\\{\\d.*");
                String lone = text.replace("''", "");
                if (formatted) {
                    assertThat(lone).as(bundle + " " + key + " has a lone ' (write '')").doesNotContain("'");
                } else {
                    assertThat(text).as(bundle + " " + key + " has '' but no placeholder").doesNotContain("''");
                }
            }
        }
    }

    @Test
    void englishStaysEnglishOnAChineseSystem() {
        java.util.Locale system = java.util.Locale.getDefault();
        java.util.Locale chosen = I18n.locale();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            I18n.setLocale(I18n.ENGLISH);
            assertThat(I18n.get("knob.batch")).isEqualTo("Batch size");
            assertThat(I18n.plain("menu.edit.copyCommand")).isEqualTo("Copy mlc_llm serve command");
            I18n.setLocale(I18n.CHINESE);
            assertThat(I18n.get("knob.batch")).isEqualTo("批大小");
        } finally {
            java.util.Locale.setDefault(system);
            I18n.setLocale(chosen);
        }
    }
}
