package dev.kvlens.viewmodel;

import dev.kvlens.model.Backend;

import java.util.Objects;

/**
 * An entry of the device picker: a preset GPU, or "custom" where the user types memory and backend.
 *
 * @param id      preset id, or {@link #CUSTOM_ID}
 * @param name    the label shown
 * @param backend the preset's backend (custom: a default, the user's choice lives in the view model)
 * @param bytes   the preset's memory (custom: a default)
 */
public record DeviceOption(String id, String name, Backend backend, long bytes) {

    public static final String CUSTOM_ID = "custom";

    public DeviceOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
    }

    public boolean custom() {
        return CUSTOM_ID.equals(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
