package dev.kvlens.view;

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
        for (dev.kvlens.model.PhysicalAllocation.Warning w : dev.kvlens.model.PhysicalAllocation.Warning.values()) {
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
}
