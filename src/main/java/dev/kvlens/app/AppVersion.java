package dev.kvlens.app;

import dev.kvlens.model.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version (from the build) and the MLC-LLM rules it follows. */
public final class AppVersion {

    private AppVersion() {
    }

    /** The Maven project version, or "dev" when run from unpackaged classes without resources. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream("/dev/kvlens/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        return properties.getProperty("version", "dev");
    }

    /** The lines {@code kvlens --version} prints. */
    public static String[] versionLines() {
        RuleSet rules = RuleSet.D2025;
        return new String[] {
            "KV Lens " + version(),
            "Rules: " + rules.id() + " (default) - " + rules.label(),
            "MLC-LLM commit: " + rules.mlcCommit(),
            "Also: " + RuleSet.C2024.id() + " - " + RuleSet.C2024.label()
        };
    }
}
