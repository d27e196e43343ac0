package dev.kvlens.text;

import dev.kvlens.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The glossary says what MLC's rules say, in both languages, and every entry and link resolves. */
class GlossaryTest {

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private final Locale before = Messages.locale();

    @AfterEach
    void restoreLanguage() {
        Messages.setLocale(before);
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = GlossaryTest.class.getResourceAsStream("/dev/kvlens/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryEntryAndNoOrphanKeys() throws Exception {
        Properties en = load("glossary.properties");
        Properties zh = load("glossary_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        Set<String> used = new HashSet<>(List.of("glossary.title", "glossary.seeAlso"));
        for (Glossary term : Glossary.values()) {
            used.add("glossary." + term.id() + ".title");
            used.add("glossary." + term.id() + ".body");
        }
        Set<String> orphans = new TreeSet<>(en.stringPropertyNames());
        orphans.removeIf(k -> used.contains(k) || k.startsWith("tour."));
        assertThat(orphans).as("glossary keys no entry uses").isEmpty();
        assertThat(used).allSatisfy(k -> assertThat(en).containsKey(k));
    }

    @Test
    void chineseEntriesAreWrittenInChinese() {
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        for (Glossary term : Glossary.values()) {
            assertThat(term.body()).as(term.id()).containsPattern("\\p{IsHan}{4,}");
        }
        assertThat(Glossary.text("tour.step", 2, 5)).isEqualTo("第 2 步，共 5 步");
        Messages.setLocale(Locale.ENGLISH);
        assertThat(Glossary.WHY_ZERO.title()).isEqualTo("Why is the KV cache 0 MB at compile time?");
        assertThat(Glossary.text("tour.step", 2, 5)).isEqualTo("Step 2 of 5");
    }

    @Test
    void everyFigureTheGlossaryQuotesIsInTheRulesFileAndInBothLanguages() throws Exception {
        String rules = Files.readString(SharedData.path("mlc-memory-rules.md")).replace(",", "");
        List<String> missing = new ArrayList<>();
        for (Glossary term : Glossary.values()) {
            Messages.setLocale(Locale.ENGLISH);
            Set<String> english = numbers(term.body());
            Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(numbers(term.body())).as("figures of " + term.id() + " in Chinese").isEqualTo(english);
            english.stream().filter(n -> !rules.contains(n)).forEach(n -> missing.add(term.id() + ": " + n));
        }
        assertThat(missing).as("figures not in mlc-memory-rules.md").isEmpty();
    }

    @Test
    void seeAlsoLinksPointElsewhereAndEveryEntryIsReachable() {
        Set<Glossary> reached = new HashSet<>(List.of(Glossary.WHY_ZERO));
        for (Glossary term : Glossary.values()) {
            assertThat(term.seeAlso()).as(term.id()).isNotEmpty().doesNotContain(term).doesNotHaveDuplicates();
            reached.addAll(term.seeAlso());
        }
        // MLA, hybrid and sliding window are reached from the physical/KV pages through the model-kind notes
        reached.addAll(List.of(Glossary.MLA, Glossary.HYBRID, Glossary.SLIDING_WINDOW));
        assertThat(reached).containsExactlyInAnyOrder(Glossary.values());
    }

    private static Set<String> numbers(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(",", ""));
        }
        return found;
    }
}
