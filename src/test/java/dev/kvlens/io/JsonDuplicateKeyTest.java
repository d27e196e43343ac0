package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key given twice in one JSON object is refused: silently keeping the last value (Jackson's default) would let a
 * config say two different vocabulary sizes and estimate with one the user may not have meant.
 */
class JsonDuplicateKeyTest {

    @Test
    void aTopLevelDuplicateNamesTheFileTheKeyAndTheLine() {
        String text = """
                {"hidden_size": 4096,
                 "vocab_size": 128256,
                 "vocab_size": 32000}
                """;
        // the second "vocab_size" is on line 3 of the text above
        assertThatThrownBy(() -> Json.parse("config.json", text))
                .isInstanceOf(InputException.class)
                .hasMessage("config.json: duplicate key \"vocab_size\" at line 3");
    }

    @Test
    void aNestedDuplicateNamesTheObjectItIsIn() {
        String text = """
                {"kv_cache": {"head_dim": 128,
                              "head_dim": 64},
                 "params": [{"name": "w"}, {"name": "n", "name": "m"}]}
                """;
        assertThatThrownBy(() -> Json.parse("meta.json", text))
                .hasMessage("meta.json: duplicate key \"head_dim\" in \"kv_cache\" at line 2");
        String inArray = "{\"params\": [{\"name\": \"w\"}, {\"name\": \"n\", \"name\": \"m\"}]}";
        assertThatThrownBy(() -> Json.parse("meta.json", inArray))
                .hasMessage("meta.json: duplicate key \"name\" in \"params[1]\" at line 1");
    }

    @Test
    void aDuplicateInAFileIsOneLineWithoutJacksonNames(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mlc-chat-config.json");
        Files.writeString(file, "{\n  \"context_window_size\": 8192,\n  \"context_window_size\": 4096\n}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.readFile(file))
                .hasMessage("mlc-chat-config.json: duplicate key \"context_window_size\" at line 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jackson", "Jackson", "\n"));
    }

    @Test
    void theSameKeyInDifferentObjectsIsFine() {
        // "name" once per object and "a" at two levels are not duplicates
        assertThat(Json.parse("x.json", "{\"a\": {\"a\": 1}, \"l\": [{\"name\": 1}, {\"name\": 2}]}")
                .path("l").get(1).path("name").asInt()).isEqualTo(2);
    }

    @Test
    void otherSyntaxErrorsStillSayInvalidJson() {
        assertThatThrownBy(() -> Json.parse("x.json", "{\"a\": 1,\n \"b\": }"))
                .hasMessageStartingWith("x.json: is not valid JSON at line 2, column ");
    }
}
