package dev.kvlens;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Drops exactly one log record in the test JVMs: JavaFX's "Unsupported JavaFX configuration: classes were loaded
 * from 'unnamed module ...'" warning, which every toolkit start prints because the tests run JavaFX from the
 * classpath on purpose (see toolchain-notes). JavaFX logs it on its parent logger {@code javafx}, whose children
 * ({@code javafx.css}, {@code javafx.scene.*}) carry real warnings, so a level cannot single it out; this filter
 * does, and lets every other record through. Installed on the console handler by
 * {@code src/test/resources/logging-test.properties}.
 */
public final class JavaFxClasspathWarningFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(record.getLevel() == Level.WARNING
                && "javafx".equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().startsWith("Unsupported JavaFX configuration: classes were loaded from 'unnamed module"));
    }
}
