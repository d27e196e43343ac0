package dev.kvlens.app;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.LogRecord;

/**
 * Drops exactly one log record: JavaFX's "Unsupported JavaFX configuration: classes were loaded from 'unnamed
 * module ...'" warning, which every toolkit start prints when JavaFX runs from the classpath (the fat jar, the tests;
 * see toolchain-notes). It says nothing a user can act on. JavaFX logs it on its parent logger {@code javafx}, whose
 * children ({@code javafx.css}, {@code javafx.scene.*}) carry real warnings, so a level cannot single it out; this
 * filter does, and lets every other record through. The launcher installs it on that logger; the test JVMs install it
 * on the console handler ({@code src/test/resources/logging-test.properties}).
 */
public final class JavaFxClasspathWarningFilter implements Filter {

    /** Kept so the logger, which java.util.logging holds weakly, keeps its filter. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    /** Filters the {@code javafx} logger (call before the toolkit starts). */
    static void install() {
        JAVAFX.setFilter(new JavaFxClasspathWarningFilter());
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(record.getLevel() == Level.WARNING
                && "javafx".equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().startsWith("Unsupported JavaFX configuration: classes were loaded from 'unnamed module"));
    }
}
