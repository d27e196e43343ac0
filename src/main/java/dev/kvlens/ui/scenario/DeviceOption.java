package dev.kvlens.ui.scenario;

import dev.kvlens.model.Backend;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

import java.util.Objects;

/**
 * An entry of the device picker: a GPU detected on this machine, a preset GPU, or "custom" where the user types
 * memory and backend.
 *
 * @param id         preset id, {@code detected-N}, or {@link #CUSTOM_ID}
 * @param name       the device's name (the picker adds "(detected)" for detected ones)
 * @param backend    the device's backend (custom: a default, the user's choice lives in the view model)
 * @param bytes      the device's memory (custom: a default)
 * @param detected   found on this machine by a vendor tool
 * @param exact      the figure is the driver's, to the byte, as printed in a public log (rules §3.2)
 * @param provenanceWords how the figure is known and how far off it may be (empty words when unknown)
 */
public record DeviceOption(String id, String name, Backend backend, long bytes, boolean detected, boolean exact,
                           Phrase provenanceWords) {

    public static final String CUSTOM_ID = "custom";

    public DeviceOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(provenanceWords, "provenanceWords");
    }

    /** A device whose provenance is worded once, in English (a preset's notes from the catalog). */
    public DeviceOption(String id, String name, Backend backend, long bytes, boolean detected, boolean exact,
                        String provenance) {
        this(id, name, backend, bytes, detected, exact, Phrase.of("text.verbatim", Objects.requireNonNull(provenance)));
    }

    /**
     * How the figure is known, in the window's language (empty when unknown). {@link Language#locale()}, not
     * {@code Messages}': a binding on the language recomputes before {@code Messages} hears of the switch.
     */
    public String provenance() {
        return Phrases.format(Language.locale(), provenanceWords);
    }

    /** A device whose figure's provenance is not known (the custom entry, tests). */
    public DeviceOption(String id, String name, Backend backend, long bytes) {
        this(id, name, backend, bytes, false, false, "");
    }

    public boolean custom() {
        return CUSTOM_ID.equals(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
