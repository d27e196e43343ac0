package dev.kvlens.model.planner;

import java.util.List;

/**
 * MLC's per-layer op sequences as the planner sees them (rules §4.3.3), with and without FuseAddRMSNorm (F,
 * §4.3.2). Every sequence starts with the function's input embeddings in the residual slot {@code H}
 * ({@link Op#RESIDUAL}, not planned); the prologue and each layer are written in the rules' notation, outputs ←
 * inputs. A layer ends with the next layer's input norm, which after the last layer is the final norm; its
 * output slot {@link #stackOutput()} feeds the tail ({@link Tail}).
 */
enum LayerSequence {
    /** Llama, Mistral, Qwen2, Phi-3 without F: the residual add is folded into o_proj and down_proj. */
    LLAMA(List.of("A:h <- H"), List.of("B:qkv <- A", "C:qd <- B", "D:h <- C, H", "E:h <- D", "F:W <- E",
            "G:I <- F", "H:h <- G, D", "A:h <- H"), "A", false),
    /** Llama-type with F: add + RMSNorm is one kernel with outputs (normed, sum). */
    LLAMA_FUSED(List.of("A:h <- H"), List.of("B:qkv <- A", "C:qd <- B", "D1:h <- C", "E:h, D:h <- D1, H",
            "F:W <- E", "G:I <- F", "H1:h <- G", "A:h, H:h <- H1, D"), "A", false),
    /** Gemma without F: the ×√h scaling starts the residual chain. */
    GEMMA(List.of("H:h <- H", "A:h <- H"), LLAMA.layer, "A", false),
    GEMMA_FUSED(List.of("H:h <- H", "A:h <- H"), LLAMA_FUSED.layer, "A", false),
    /** Gemma 2 without F: the post-norms are fused with their residual adds. */
    GEMMA2(List.of("H:h <- H", "A:h <- H"), List.of("B:qkv <- A", "C:qd <- B", "D1:h <- C", "D:h <- D1, H",
            "E:h <- D", "F:W <- E", "G:I <- F", "H1:h <- G", "H:h <- H1, D", "A:h <- H"), "A", false),
    GEMMA2_FUSED(List.of("H:h <- H", "A:h <- H"), List.of("B:qkv <- A", "C:qd <- B", "D1:h <- C", "D2:h <- D1",
            "E:h, D:h <- D2, H", "F:W <- E", "G:I <- F", "H1:h <- G", "H2:h <- H1", "A:h, H:h <- H2, D"), "A",
            false),
    /** GPT-NeoX: LayerNorm (never F), sequential residual, fc1 + GELU of width I. */
    GPT_NEOX(List.of("A:h <- H"), List.of("B:qkv <- A", "C:qd <- B", "D:h <- C, H", "E:h <- D", "F:I <- E",
            "H:h <- F, D", "A:h <- H"), "A", false),
    /** Phi-1/Phi-2: parallel block, LayerNorm; the final LayerNorm is the head's, after the gather. */
    PHI(List.of(), List.of("A:h <- H", "B:qkv <- A", "C:qd <- B", "F:I <- A", "D:h <- C", "H1:h <- F",
            "H:h <- D, H1, H"), "H", true),
    /** Phi in the early q4 builds: fc1 before qkv (fitted to the data, §4.3.3). */
    PHI_EARLY_Q4(List.of(), List.of("A:h <- H", "F:I <- A", "B:qkv <- A", "C:qd <- B", "D:h <- C", "H1:h <- F",
            "H:h <- D, H1, H"), "H", true);

    private final List<Op> prologue;
    private final List<String> layer;
    private final List<Op> layerOps;
    private final String stackOutput;
    private final boolean headNorm;

    LayerSequence(List<String> prologue, List<String> layer, String stackOutput, boolean headNorm) {
        this.prologue = prologue.stream().map(Op::parse).toList();
        this.layer = layer;
        this.layerOps = layer.stream().map(Op::parse).toList();
        this.stackOutput = stackOutput;
        this.headNorm = headNorm;
    }

    List<Op> prologue() {
        return prologue;
    }

    List<Op> layer() {
        return layerOps;
    }

    /** The slot holding the stack's result (the final-normed hidden states, or Phi's last residual sum). */
    String stackOutput() {
        return stackOutput;
    }

    /** Whether the head applies its own LayerNorm before the lm-head (Phi, §4.3.3 tails). */
    boolean headNorm() {
        return headNorm;
    }
}
