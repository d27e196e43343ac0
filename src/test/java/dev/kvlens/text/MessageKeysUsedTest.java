package dev.kvlens.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key is used by the code: named as a literal ({@code "chart.title"}), built from a literal prefix
 * ({@code "segment." + name}) or from a literal key and a literal suffix ({@code titleKey + ".tooltip"}).
 * A key nothing uses is a text no user can see, which no one will keep translated.
 */
class MessageKeysUsedTest {

    private static final Pattern LITERAL = Pattern.compile("\"([A-Za-z0-9_.]+)\"");
    private static final Pattern PREFIX = Pattern.compile("\"([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*\\.)\"\\s*\\+");
    private static final Pattern SUFFIX = Pattern.compile("\\+\\s*\"(\\.[A-Za-z0-9_]+)\"");

    private static String sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            StringBuilder all = new StringBuilder();
            for (Path p : java) {
                all.append(Files.readString(p)).append('\n');
            }
            return all.toString();
        }
    }

    private static Set<String> all(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        Set<String> found = new java.util.HashSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyKeyOfTheEnglishBundleIsUsed() throws IOException {
        Properties en = new Properties();
        try (var in = MessageKeysUsedTest.class.getResourceAsStream("/dev/kvlens/i18n/messages.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String code = sources();
        Set<String> literals = all(LITERAL, code);
        Set<String> prefixes = all(PREFIX, code);
        Set<String> suffixes = all(SUFFIX, code);
        Set<String> unused = en.stringPropertyNames().stream()
                .filter(key -> !literals.contains(key))
                .filter(key -> prefixes.stream().noneMatch(key::startsWith))
                .filter(key -> suffixes.stream().noneMatch(s -> key.endsWith(s)
                        && literals.contains(key.substring(0, key.length() - s.length()))))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(unused).as("message keys no code uses").isEmpty();
    }
}
