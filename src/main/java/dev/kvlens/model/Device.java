package dev.kvlens.model;

import java.util.Objects;

/**
 * A GPU as MLC sees it: the backend and the total global memory the driver reports
 * ({@code totalGlobalMem}, {@code recommendedMaxWorkingSetSize}, ...), in bytes (rules §3.2).
 *
 * @param name                     a label for people ("RTX 4090", "custom")
 * @param backend                  the device kind
 * @param totalGlobalMemoryBytes   what the driver reports, before any MLC adjustment
 */
public record Device(String name, Backend backend, long totalGlobalMemoryBytes) {

    public Device {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backend, "backend");
        if (totalGlobalMemoryBytes <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.deviceMemory", String.valueOf(totalGlobalMemoryBytes));
        }
    }
}
