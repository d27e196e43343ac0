package dev.kvlens.model.engine;

import java.util.OptionalLong;

/**
 * Engine values the user specified ({@code mlc_llm serve --overrides}, rules §3.1); an empty value
 * lets the engine decide per mode. MLC applies a specified value to all three modes.
 */
public record EngineOverrides(
        OptionalLong maxNumSequence,
        OptionalLong maxTotalSequenceLength,
        OptionalLong maxSingleSequenceLength,
        OptionalLong prefillChunkSize) {

    /** The largest override accepted: MLC stores these as int64 but allocates int32-indexed buffers. */
    public static final long MAX_VALUE = Integer.MAX_VALUE;

    public static final EngineOverrides NONE =
            new EngineOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public EngineOverrides {
        check("max_num_sequence", maxNumSequence);
        check("max_total_sequence_length", maxTotalSequenceLength);
        check("max_single_sequence_length", maxSingleSequenceLength);
        check("prefill_chunk_size", prefillChunkSize);
    }

    public EngineOverrides withMaxNumSequence(OptionalLong value) {
        return new EngineOverrides(value, maxTotalSequenceLength, maxSingleSequenceLength, prefillChunkSize);
    }

    public EngineOverrides withMaxTotalSequenceLength(OptionalLong value) {
        return new EngineOverrides(maxNumSequence, value, maxSingleSequenceLength, prefillChunkSize);
    }

    public EngineOverrides withMaxSingleSequenceLength(OptionalLong value) {
        return new EngineOverrides(maxNumSequence, maxTotalSequenceLength, value, prefillChunkSize);
    }

    public EngineOverrides withPrefillChunkSize(OptionalLong value) {
        return new EngineOverrides(maxNumSequence, maxTotalSequenceLength, maxSingleSequenceLength, value);
    }

    private static void check(String name, OptionalLong value) {
        if (value.isPresent() && (value.getAsLong() <= 0 || value.getAsLong() > MAX_VALUE)) {
            throw new dev.kvlens.text.PhrasedException("model.check.between", name, String.valueOf(MAX_VALUE),
                    String.valueOf(value.getAsLong()));
        }
    }
}
