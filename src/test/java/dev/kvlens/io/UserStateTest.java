package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Preferences survive a restart; files from earlier versions (or damaged ones) fall back to defaults. */
class UserStateTest {

    @Test
    void preferencesRoundTripIncludingTheMapBesideTheChart(@TempDir Path dir) throws Exception {
        new UserState(dir).savePreferences(new UserState.Preferences("DARK", "zh-CN", true));
        assertThat(new UserState(dir).preferences()).isEqualTo(new UserState.Preferences("DARK", "zh-CN", true));
        new UserState(dir).savePreferences(new UserState.Preferences("LIGHT", "en", false));
        assertThat(new UserState(dir).preferences().mapBesideChart()).isFalse();
    }

    @Test
    void olderOrDamagedPreferenceFilesGiveDefaultsAndAProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("preferences.json"), "{\"theme\":\"DARK\",\"language\":\"en\"}");
        assertThat(new UserState(dir).preferences()).isEqualTo(new UserState.Preferences("DARK", "en", false));

        Files.writeString(dir.resolve("preferences.json"), "{\"theme\": ");
        UserState damaged = new UserState(dir);
        assertThat(damaged.preferences()).isEqualTo(new UserState.Preferences("", "", false));
        assertThat(damaged.problems()).singleElement().asString().contains("preferences.json");
    }
}
