package dev.kvlens.model.planner;

import java.util.Locale;

/**
 * The targets MLC compiles model libraries for, with what the temporary-buffer planner needs of them: TX of
 * FuseAddRMSNorm (rules §4.3.2) and whether the §4.3 model is validated there (§4.3.5).
 *
 * <p>TX = min(1024, max(target {@code max_num_threads}, {@code max_threads_per_block})) (MLC
 * {@code support/max_thread_check.py}, {@code compiler_pass/fuse_add_norm.py}). The defaults below are what MLC's
 * {@code support/auto_target.py} (79d603f0) builds for each {@code --device}, with TVM's target-kind defaults
 * (apache/tvm 5d4dc872, {@code src/backend/<kind>/codegen/target_kind.cc}):
 * <ul>
 *   <li>webgpu, android, iphone, mali and opencl go through MLC's {@code <name>:generic} presets: webgpu kind
 *       {@code max_num_threads} 256 and no {@code max_threads_per_block}; opencl kind 256/256 (android, mali,
 *       opencl); iphone metal with {@code max_threads_per_block} 256 and kind default 256. TX = 256, which the
 *       webgpu libraries confirm (§4.3.2). ({@code android:adreno} sets 512; use {@link PlannerInput}'s override.)
 *   <li>cuda, rocm, metal and vulkan are detected from the device ({@code Target.from_device}), which sets
 *       {@code max_threads_per_block} to the device's limit: 1024 on every NVIDIA GPU (cuda's kind default
 *       {@code max_num_threads} is 1024 too), AMD GPUs (rocm kind default 256), Apple GPUs (metal kind default
 *       256; the {@code metal:generic} preset says 256) and the usual desktop Vulkan drivers'
 *       {@code maxComputeWorkGroupInvocations} (vulkan kind default 256). TX = 1024 is therefore the common case,
 *       not a constant: it is the device's figure.
 * </ul>
 */
public enum PlannerTarget {
    CUDA("cuda", 1024, Provenance.HEURISTIC_TARGET),
    ROCM("rocm", 1024, Provenance.HEURISTIC_TARGET),
    VULKAN("vulkan", 1024, Provenance.ESTIMATED),
    METAL("metal", 1024, Provenance.ESTIMATED),
    OPENCL("opencl", 256, Provenance.ESTIMATED),
    WEBGPU("webgpu", 256, Provenance.VALIDATED),
    ANDROID("android", 256, Provenance.VALIDATED),
    IPHONE("iphone", 256, Provenance.VALIDATED),
    MALI("mali", 256, Provenance.VALIDATED);

    private final String mlcName;
    private final int defaultThreads;
    private final Provenance provenance;

    PlannerTarget(String mlcName, int defaultThreads, Provenance provenance) {
        this.mlcName = mlcName;
        this.defaultThreads = defaultThreads;
        this.provenance = provenance;
    }

    /** The {@code --device} name MLC takes. */
    public String mlcName() {
        return mlcName;
    }

    /** max(max_num_threads, max_threads_per_block) of the target MLC builds for this device (see above). */
    public int defaultThreads() {
        return defaultThreads;
    }

    /** Parses an MLC {@code --device} name, case-insensitively; the message names the accepted values. */
    public static PlannerTarget fromMlcName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PlannerTarget target : values()) {
            if (target.mlcName.equals(wanted)) {
                return target;
            }
        }
        throw new dev.kvlens.text.PhrasedException("model.check.unknownTarget", name);
    }

    /** How far §4.3 is checked on this target, for the nine families of §4.3.5 at one shard. */
    public Provenance provenance() {
        return provenance;
    }
}
