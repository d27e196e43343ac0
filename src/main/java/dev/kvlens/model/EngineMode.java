package dev.kvlens.model;

import java.util.Locale;

/** MLC-LLM's engine modes (rules §3.5), in the order MLC evaluates them. */
public enum EngineMode {
    LOCAL, INTERACTIVE, SERVER;

    /** The name MLC prints and accepts ({@code --mode local}). */
    public String mlcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses MLC's name, case-insensitively. */
    public static EngineMode fromMlcName(String name) {
        for (EngineMode mode : values()) {
            if (mode.mlcName().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new dev.kvlens.text.PhrasedException("model.check.unknownMode", name);
    }
}
