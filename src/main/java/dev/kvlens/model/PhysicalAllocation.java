package dev.kvlens.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What MLC's runtime actually allocates next to what its estimate assumes (rules §3.9): KV pages of 16 tokens
 * plus one, two more per sequence with a sliding window, in the real KV dtype; FlashInfer's attention workspace
 * on CUDA instead of the 48 MiB the estimate counts. These are inferred from TVM's code, not measured.
 *
 * @param estimatedKvPagesBytes  the estimate's T × (d·k·L·4 + 1.25)
 * @param physicalKvPagesBytes   pages × layers × 2 × k × 16 × d × dtype bytes
 * @param estimatedWorkspaceBytes the 48 MiB attention workspace inside kv_aux
 * @param physicalWorkspaceBytes 768 MiB + 3 × 8 MiB with FlashInfer (CUDA), else the same 48 MiB
 * @param pages                  ⌈T/16⌉ + 1 (+ 2·B with a sliding window)
 * @param warnings               where MLC's estimate is known to be off for this scenario
 */
public record PhysicalAllocation(double estimatedKvPagesBytes, double physicalKvPagesBytes, double estimatedWorkspaceBytes,
                                 double physicalWorkspaceBytes, long pages, List<String> warnings) {

    private static final long MIB = 1024L * 1024;
    private static final int PAGE_SIZE = 16;

    public PhysicalAllocation {
        warnings = List.copyOf(warnings);
    }

    /** The physical allocation for a mode of an estimate (KV path). */
    public static PhysicalAllocation of(Estimate estimate, ModeEstimate m) {
        Scenario s = estimate.scenario();
        ModelLibrary model = s.model();
        KvCacheGeometry kv = model.kvCache();
        int dtypeBytes = model.quantization().modelDtypeBytes();
        long pages = (m.maxTotalSequenceLength() + PAGE_SIZE - 1) / PAGE_SIZE + 1;
        boolean sliding = model.compile().slidingWindowSize() > 0;
        if (sliding) {
            pages += 2 * m.maxNumSequence();
        }
        long layers = kv.numHiddenLayers() / model.compile().pipelineParallelStages();
        double physical = (double) pages * layers * 2 * kv.numKeyValueHeads() * PAGE_SIZE * kv.headDim() * dtypeBytes;
        boolean flashInfer = s.device().backend() == Backend.CUDA && dtypeBytes == 2;
        double workspace = flashInfer ? 768 * MIB + 3 * 8 * MIB : 48 * MIB;
        List<String> warnings = new ArrayList<>();
        if (dtypeBytes == 4) {
            warnings.add("KV cache in f32 (" + model.quantization().name() + "): MLC's estimate counts 2 bytes per element, "
                    + "so it understates the KV cache by half");
        }
        if (flashInfer) {
            warnings.add("FlashInfer (CUDA sm80+, O2/O3) allocates about 792 MiB of attention workspace where the "
                    + "estimate counts 48 MiB");
        }
        if (sliding) {
            warnings.add("sliding window: 2 extra pages per sequence are allocated");
        }
        if (model.geometry().modelType().contains("qwen3_5")) {
            warnings.add("hybrid model: the GatedDeltaNet state is not in MLC's estimate");
        }
        warnings.add("not counted anywhere: sampler buffers, the CUDA context, cuBLAS/NCCL workspaces, draft-model "
                + "buffers for speculative decoding");
        return new PhysicalAllocation(m.kvPagesBytes(), physical, 48 * MIB, workspace, pages, warnings);
    }

    /** Physical minus estimated, pages and workspace. */
    public double differenceBytes() {
        return physicalKvPagesBytes - estimatedKvPagesBytes + physicalWorkspaceBytes - estimatedWorkspaceBytes;
    }
}
