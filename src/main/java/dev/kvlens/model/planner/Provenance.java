package dev.kvlens.model.planner;

/** How far a planner figure is checked (rules §4.3.5). */
public enum Provenance {
    /** webgpu, android, iphone, mali, one shard: every function of every library in the data reproduced. */
    VALIDATED,
    /** A target or a tensor-parallel build the data does not cover: the same model, unchecked. */
    ESTIMATED,
    /**
     * CUDA and ROCm: the two published checks of §4.2 do not follow §4.3 (the q0/fp8 schemes dispatch to
     * cuBLAS/rocBLAS before FuseAddRMSNorm), so the rules keep the §4.2 heuristic there; this figure is an
     * estimate only.
     */
    HEURISTIC_TARGET
}
