package dev.kvlens.model;

import dev.kvlens.model.planner.PlannerTarget;

import java.util.Locale;

/**
 * The device kinds MLC-LLM runs on. Two of them change the runtime estimate (rules §3.2, §3.5 step 4):
 * OpenCL raises the reported memory to at least 5 GiB, Metal caps the KV capacity at 32768 tokens.
 */
public enum Backend {
    CUDA, ROCM, VULKAN, METAL, OPENCL;

    /** MLC's minimum for OpenCL's {@code CL_DEVICE_GLOBAL_MEM_SIZE} ({@code TotalDetectGlobalMemory}). */
    public static final long OPENCL_MIN_BYTES = 5L * 1024 * 1024 * 1024;

    /** MLC's Metal cap on the KV cache token capacity. */
    public static final int METAL_MAX_TOTAL_SEQUENCE_LENGTH = 32768;

    /** The name used on the command line and in presets ({@code cuda}, {@code metal}, ...). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The compile target of the same name (cuda, rocm, vulkan, metal, opencl) a library for this device has. */
    public PlannerTarget plannerTarget() {
        return PlannerTarget.valueOf(name());
    }

    /** Parses a backend name, case-insensitively. */
    public static Backend fromCliName(String name) {
        for (Backend backend : values()) {
            if (backend.cliName().equalsIgnoreCase(name.trim())) {
                return backend;
            }
        }
        throw new dev.kvlens.text.PhrasedException("model.check.unknownBackend", name);
    }
}
