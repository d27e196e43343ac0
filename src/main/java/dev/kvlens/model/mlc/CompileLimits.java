package dev.kvlens.model.mlc;

import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;

/** Applies compile-time limits read from an MLC artifact to a model description. */
public final class CompileLimits {

    private CompileLimits() {
    }

    /** The description with every limit the metadata states replacing the description's own. */
    public static ModelDescription apply(ModelDescription model, PrintedLog.RegisteredMetadata limits) {
        CompileConfig c = model.compile();
        CompileConfig updated = new CompileConfig(
                limits.contextWindowSize().orElse(c.contextWindowSize()),
                limits.prefillChunkSize().orElse(c.prefillChunkSize()),
                limits.maxBatchSize().orElse(c.maxBatchSize()),
                limits.tensorParallelShards().orElse(c.tensorParallelShards()),
                limits.pipelineParallelStages().orElse(c.pipelineParallelStages()),
                limits.slidingWindowSize().orElse(c.slidingWindowSize()));
        return model.withCompile(updated);
    }
}
