package dev.kvlens;

import dev.kvlens.app.JavaFxClasspathWarningFilter;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The test JVMs run as the build says (surefire's argLine in the pom). */
class TestJvmTest {

    /**
     * On JDK 17 the default charset follows the locale (US-ASCII under {@code LANG=C}); surefire ignores
     * {@code file.encoding} as a system property, so the pom passes it in argLine. Fails under
     * {@code LC_ALL=C mvn test} if that is lost (checked).
     */
    @Test
    void defaultCharsetIsUtf8() {
        assertThat(Charset.defaultCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(new String("中文".getBytes(), StandardCharsets.UTF_8)).isEqualTo("中文");
    }

    /** Only JavaFX's classpath warning is dropped from the console; its other warnings still print. */
    @Test
    void theConsoleDropsOnlyJavaFxsClasspathWarning() {
        assertThat(Arrays.stream(Logger.getLogger("").getHandlers()))
                .anySatisfy(h -> assertThat(h).isInstanceOf(ConsoleHandler.class)
                        .extracting(java.util.logging.Handler::getFilter)
                        .isInstanceOf(JavaFxClasspathWarningFilter.class));
        JavaFxClasspathWarningFilter filter = new JavaFxClasspathWarningFilter();
        assertThat(filter.isLoggable(record("javafx", Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(filter.isLoggable(record("javafx", Level.WARNING, "Unsupported JavaFX configuration: other"))).isTrue();
        assertThat(filter.isLoggable(record("javafx.css", Level.WARNING,
                "Could not resolve '-fx-accent' while resolving lookups for '-fx-background-color'"))).isTrue();
        assertThat(filter.isLoggable(record("javafx", Level.SEVERE, "Unsupported JavaFX configuration: classes were "
                + "loaded from 'unnamed module @1'"))).isTrue();
    }

    private static LogRecord record(String logger, Level level, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        return r;
    }
}
