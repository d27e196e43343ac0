package dev.kvlens.model.engine;

import dev.kvlens.model.Backend;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.KvStateKind;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;

import java.util.ArrayList;
import java.util.List;

/**
 * What MLC's runtime actually allocates next to what its estimate assumes (rules §3.9): KV pages of 16 tokens
 * plus one, two more per sequence with a sliding window, in the real KV dtype (one latent entry per page for MLA);
 * FlashInfer's attention workspace on CUDA instead of the 48 MiB the estimate counts; a hybrid model's GatedDeltaNet
 * state (§3.8). These are inferred from TVM's and MLC's code, not measured.
 *
 * <p>With additional models (rules §3.8) every model with a KV cache allocates its own pages and workspace (a
 * Medusa model, kv_state_kind "none", allocates neither), and speculative decoding adds the draft-token workspace
 * of {@code draft_token_workspace_manager.cc}, which MLC's estimate never counts: two f32 [2B, V] tensors of the main
 * model's vocabulary, plus [2B, hidden] hidden states in the main model's dtype for Eagle.
 *
 * @param estimatedKvPagesBytes  the estimate's T × (d·k·L·4 + 1.25), summed over the models
 * @param physicalKvPagesBytes   pages × layers × (2 × k for MHA, 1 for MLA) × 16 × d × dtype bytes, summed over the
 *                               models with a KV cache
 * @param estimatedWorkspaceBytes the 48 MiB attention workspace inside kv_aux, once per model
 * @param physicalWorkspaceBytes 768 MiB + 3 × 8 MiB with FlashInfer (CUDA), else the same 48 MiB, per KV cache
 * @param pages                  the main model's ⌈T/16⌉ + 1 (+ 2·B with a sliding window)
 * @param rnnStateBytes          a hybrid model's GatedDeltaNet state (rules §3.8), 0 otherwise; never in the estimate
 * @param rnnStateSlots          the sequences that state is allocated for: B + prefix-cache recycling slots (= 2·B)
 * @param warnings               where MLC's estimate is known to be off for this scenario
 * @param draftWorkspaceBytes    the draft-token workspace of speculative decoding, 0 without additional models
 */
public record PhysicalAllocation(double estimatedKvPagesBytes, double physicalKvPagesBytes, double estimatedWorkspaceBytes,
                                 double physicalWorkspaceBytes, long pages, double rnnStateBytes, long rnnStateSlots,
                                 List<Warning> warnings, double draftWorkspaceBytes) {

    /** Known ways MLC's estimate differs from what the runtime allocates (the views word them per language). */
    public enum Warning {
        /** f32 KV: the estimate counts 2 bytes per element, half of the real cache. */
        F32_KV,
        /** FlashInfer (CUDA sm80+, O2/O3) allocates about 792 MiB of attention workspace, not the 48 MiB counted. */
        FLASHINFER_WORKSPACE,
        /** A sliding window allocates 2 extra pages per sequence. */
        SLIDING_WINDOW_PAGES,
        /** A hybrid model's GatedDeltaNet state is not in the estimate. */
        HYBRID_STATE,
        /** MLA: the estimate counts a K and a V entry per token, the latent cache holds one: twice the real pages. */
        MLA_LATENT_PAGES,
        /** Sampler buffers, the CUDA context, cuBLAS/NCCL workspaces and draft-model buffers are never counted. */
        NOT_COUNTED
    }

    private static final long MIB = 1024L * 1024;
    private static final int PAGE_SIZE = 16;

    public PhysicalAllocation {
        warnings = List.copyOf(warnings);
    }

    /** The physical allocation for a mode of an estimate (KV path). */
    public static PhysicalAllocation of(Estimate estimate, ModeEstimate m) {
        Scenario s = estimate.scenario();
        ModelLibrary main = s.model();
        int dtypeBytes = main.quantization().modelDtypeBytes();
        boolean sliding = main.compile().slidingWindowSize() > 0;
        boolean hybrid = main.geometry().kvStateKind() == KvStateKind.HYBRID;
        boolean mla = false;
        boolean flashInfer = false;
        double physical = 0;
        double workspace = 0;
        for (ModelLibrary model : s.models()) {
            if (model.geometry().kvStateKind() == KvStateKind.NONE) {
                continue;
            }
            KvCacheGeometry kv = model.kvCache();
            int bytes = model.quantization().modelDtypeBytes();
            long layers = kv.numHiddenLayers() / model.compile().pipelineParallelStages();
            boolean latent = model.geometry().details().mla() != null;
            mla |= latent;
            // attn_utils.h GetKVCacheShape: MHA pages hold K and V of every KV head, an MLA page one latent entry
            double perPage = latent ? (double) PAGE_SIZE * kv.headDim() * bytes
                    : 2.0 * kv.numKeyValueHeads() * PAGE_SIZE * kv.headDim() * bytes;
            physical += (double) pages(model, m) * layers * perPage;
            // function_table.cc: FlashInfer only without a sliding window, and a working hybrid model binds its RNN
            // state only on the TIR branch; the library has FlashInfer only for CUDA f16/bf16 (sm80+, O2/O3 assumed)
            boolean modelFlashInfer = s.device().backend() == Backend.CUDA && bytes == 2
                    && model.compile().slidingWindowSize() <= 0 && model.geometry().kvStateKind() != KvStateKind.HYBRID;
            flashInfer |= modelFlashInfer;
            workspace += modelFlashInfer ? 768 * MIB + 3 * 8 * MIB : 48 * MIB;
        }
        long slots = hybrid ? 2L * m.maxNumSequence() : 0;
        double rnnState = hybrid ? slots * gatedDeltaNetBytesPerSlot(main.geometry(), main.kvCache(), dtypeBytes) : 0;
        List<Warning> warnings = new ArrayList<>();
        if (dtypeBytes == 4) {
            warnings.add(Warning.F32_KV);
        }
        if (flashInfer) {
            warnings.add(Warning.FLASHINFER_WORKSPACE);
        }
        if (sliding) {
            warnings.add(Warning.SLIDING_WINDOW_PAGES);
        }
        if (hybrid) {
            warnings.add(Warning.HYBRID_STATE);
        }
        if (mla) {
            warnings.add(Warning.MLA_LATENT_PAGES);
        }
        warnings.add(Warning.NOT_COUNTED);
        return new PhysicalAllocation(m.kvPagesBytes(), physical, 48 * MIB * s.models().size(), workspace,
                pages(main, m), rnnState, slots, warnings, draftWorkspaceBytes(s, m.maxNumSequence()));
    }

    /**
     * One sequence slot of the GatedDeltaNet state over all linear-attention layers (rules §3.8, history 1): an f32
     * [n_v, K, V] state and a model-dtype [kernel − 1, 2·n_k·K + n_v·V] convolution state per layer.
     */
    static double gatedDeltaNetBytesPerSlot(ModelGeometry g, KvCacheGeometry kv, int dtypeBytes) {
        ArchitectureDetails.LinearAttention la = g.details().linearAttention();
        if (la == null) {
            return 0;
        }
        long gdnLayers = g.numHiddenLayers() - kv.numHiddenLayers();
        long state = 4L * la.numValueHeads() * la.keyHeadDim() * la.valueHeadDim();
        long conv = (long) (la.convKernel() - 1) * (2L * la.numKeyHeads() * la.keyHeadDim()
                + (long) la.numValueHeads() * la.valueHeadDim()) * dtypeBytes;
        return (double) gdnLayers * (state + conv);
    }

    /**
     * The draft-token workspace speculative decoding allocates (rules §3.8): slots = 2·B, two f32 [slots, V] tensors
     * of the main model, plus [slots, hidden] hidden states in the main model's dtype when a draft is Eagle.
     */
    public static double draftWorkspaceBytes(Scenario s, long batch) {
        if (s.additionalModels().isEmpty()) {
            return 0;
        }
        ModelLibrary main = s.model();
        double slots = 2.0 * batch;
        double bytes = 2 * slots * main.geometry().vocabSize() * 4;
        boolean eagle = s.additionalModels().stream().anyMatch(a -> a.geometry().family() == ModelFamily.EAGLE);
        if (eagle) {
            bytes += slots * main.geometry().hiddenSize() * main.quantization().modelDtypeBytes();
        }
        return bytes;
    }

    private static long pages(ModelLibrary model, ModeEstimate m) {
        long pages = (m.maxTotalSequenceLength() + PAGE_SIZE - 1) / PAGE_SIZE + 1;
        if (model.compile().slidingWindowSize() > 0) {
            pages += 2 * m.maxNumSequence();
        }
        return pages;
    }

    /** Physical minus estimated: pages, workspace, the RNN state and the draft-token workspace the estimate leaves out. */
    public double differenceBytes() {
        return physicalKvPagesBytes - estimatedKvPagesBytes + physicalWorkspaceBytes - estimatedWorkspaceBytes
                + rnnStateBytes + draftWorkspaceBytes;
    }
}
