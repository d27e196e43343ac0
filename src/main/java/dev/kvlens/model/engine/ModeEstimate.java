package dev.kvlens.model.engine;

import dev.kvlens.model.EngineMode;

/**
 * MLC's decision and memory estimate for one engine mode (rules §3.5 steps 1–7, or §3.7 for RNN state).
 * Byte values are doubles where MLC computes in doubles.
 *
 * @param mode                       the engine mode
 * @param maxNumSequence             B, the max batch size
 * @param batchSpecifiedByUser       whether B came from the user
 * @param maxTotalSequenceLength     T, the KV cache token capacity (RNN: the fixed 32768); 0 when the mode does not fit
 * @param capacitySpecifiedByUser    whether T came from the user
 * @param prefillChunkSize           P, the runtime prefill chunk; 0 when the mode does not fit
 * @param prefillSpecifiedByUser     whether P came from the user
 * @param maxSingleSequenceLength    msl; {@code Long.MAX_VALUE} means unlimited (era D) — RNN: 0
 * @param capacityFromMemory         Tmax: tokens (RNN: history steps) the memory budget allows, after the Metal cap
 * @param capacityOverflowsInt32     Tmax exceeded 2^31−1, where MLC's {@code static_cast<int>} is undefined
 * @param availableBytes             device memory × utilization
 * @param paramsBytes                parameters on one GPU (after ÷ pipeline stages)
 * @param tempBufferBytes            the compile-time temporary buffer after the runtime multiplier
 * @param kvBytesPerToken            KV bytes per token incl. 1.25 B of page-table aux (RNN: state bytes per history step)
 * @param kvAuxBytes                 KV auxiliary workspace (0 for RNN)
 * @param modelWorkspaceBytes        model workspace
 * @param logitWorkspaceBytes        logit-processor workspace
 * @param kvPagesBytes               T × kvBytesPerToken (RNN: history × state bytes)
 * @param totalBytes                 MLC's printed total
 * @param kvCacheBytes               MLC's printed "KVCache" (RNN: "RNN state")
 * @param temporaryBytes             MLC's printed "Temporary buffer"
 */
public record ModeEstimate(
        EngineMode mode,
        long maxNumSequence,
        boolean batchSpecifiedByUser,
        long maxTotalSequenceLength,
        boolean capacitySpecifiedByUser,
        long prefillChunkSize,
        boolean prefillSpecifiedByUser,
        long maxSingleSequenceLength,
        long capacityFromMemory,
        boolean capacityOverflowsInt32,
        double availableBytes,
        long paramsBytes,
        long tempBufferBytes,
        double kvBytesPerToken,
        double kvAuxBytes,
        double modelWorkspaceBytes,
        double logitWorkspaceBytes,
        double kvPagesBytes,
        double totalBytes,
        double kvCacheBytes,
        double temporaryBytes) {

    /** Whether the memory budget leaves room for at least one token (MLC's Tmax &gt; 0). */
    public boolean fits() {
        return capacityFromMemory > 0;
    }

    /** What MLC's insufficient-memory error calls "temporary buffer size": temp + all workspaces. */
    public double nonParameterOverheadBytes() {
        return tempBufferBytes + kvAuxBytes + modelWorkspaceBytes + logitWorkspaceBytes;
    }

    /** Whether max_single_sequence_length is unlimited (INT64_MAX). */
    public boolean unlimitedSingleSequence() {
        return maxSingleSequenceLength == Long.MAX_VALUE;
    }
}
