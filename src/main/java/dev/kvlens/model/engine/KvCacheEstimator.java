package dev.kvlens.model.engine;

import dev.kvlens.model.Backend;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.library.ModelLimits;
import dev.kvlens.model.architecture.KvCacheGeometry;

import java.util.ArrayList;
import java.util.List;

/**
 * MLC-LLM's KV-cache engine-config inference ({@code InferForKVCache} and
 * {@code EstimateMemoryUsageOnMode}, rules §3.4–§3.5; era C: {@code _infer_kv_cache_config}).
 * Every expression keeps MLC's int64/double order so results match to the printed digit; {@link InputLimits}
 * bounds the inputs so that each int64 product fits (the derivation is there), and the two products whose
 * factors come straight from given figures use {@link Math#multiplyExact}.
 */
public final class KvCacheEstimator {

    private static final long ATTENTION_WORKSPACE_BYTES = 48L * 1024 * 1024;
    public static final int LOCAL_MAX_TOTAL_SEQUENCE_LENGTH = 8192;
    private static final int LOCAL_MAX_BATCH = 4;

    private KvCacheEstimator() {
    }

    static Estimate estimate(Scenario s) {
        RuleSet rules = s.rules();
        EngineOverrides overrides = s.engine().overrides();
        if (!rules.userMaxSingleSequenceLength() && overrides.maxSingleSequenceLength().isPresent()) {
            throw new dev.kvlens.text.PhrasedException("model.check.noSingleLength", rules.id());
        }
        List<ModelLibrary> models = s.models();
        ModelLimits limits = ModelLimits.of(models, rules);
        // §3.4: the running sum is divided by each model's stages inside the loop (earlier models again and
        // again, MLC's quirk); era C sums without dividing (§6.1). temp is the max over models and functions.
        long params = 0;
        long tempFunc = 0;
        for (ModelLibrary model : models) {
            params += model.paramsBytes().bytes();
            if (rules.pipelineParallel()) {
                params /= model.compile().pipelineParallelStages();
            }
            tempFunc = Math.max(tempFunc, model.tempFuncBytes().bytes());
        }
        long temp = Math.multiplyExact(tempFunc, (long) rules.tempBufferMultiplier());
        long device = Estimator.deviceBytes(s.device(), rules);
        double utilization = Estimator.utilization(s.engine(), rules);

        List<ModeEstimate> modes = new ArrayList<>(3);
        for (EngineMode mode : EngineMode.values()) {
            modes.add(estimateMode(mode, s, limits, params, temp, device, utilization));
        }
        return new Estimate(s, Estimate.StateKind.KV_CACHE, device, utilization, modes);
    }

    private static ModeEstimate estimateMode(EngineMode mode, Scenario s, ModelLimits limits, long params, long temp,
                                             long device, double utilization) {
        RuleSet rules = s.rules();
        EngineOverrides user = s.engine().overrides();

        // Step 1: B.
        long batch = user.maxNumSequence().orElse(switch (mode) {
            case LOCAL -> Math.min(LOCAL_MAX_BATCH, limits.maxBatchSize());
            case INTERACTIVE -> 1;
            case SERVER -> limits.maxBatchSize();
        });
        // Step 2: msl. Before 1d19866a (mid-2024 rules) the user value is only stored, as min(user,
        // runtimeMaxSingle); T and P below use runtimeMaxSingle instead (§3.5 step 2).
        long singleSequence;
        long sizingSequence;
        if (rules.userMaxSingleSequenceLengthSizesCapacity()) {
            singleSequence = user.maxSingleSequenceLength().isPresent()
                    ? Math.min(user.maxSingleSequenceLength().getAsLong(), limits.compileMaxSingleSequenceLength())
                    : limits.runtimeMaxSingleSequenceLength();
            sizingSequence = singleSequence;
        } else {
            sizingSequence = limits.runtimeMaxSingleSequenceLength();
            singleSequence = user.maxSingleSequenceLength().isPresent()
                    ? Math.min(user.maxSingleSequenceLength().getAsLong(), sizingSequence) : sizingSequence;
        }

        // Step 3: per-model workspaces, summed over the models with the common B (§3.5, §3.8).
        double kvBytesPerToken = 0;
        double kvAux = 0;
        double modelWorkspace = 0;
        double logitWorkspace = 0;
        for (ModelLibrary model : s.models()) {
            KvCacheGeometry kv = model.kvCache();
            long layers = rules.pipelineParallel()
                    ? kv.numHiddenLayers() / model.compile().pipelineParallelStages() : kv.numHiddenLayers();
            long d = kv.headDim();
            long q = kv.numAttentionHeads();
            long k = kv.numKeyValueHeads();
            long hidden = d * q;
            long chunk = model.chatConfig().workspacePrefillChunkSize();
            long vocab = model.geometry().vocabSize();

            kvBytesPerToken += d * k * layers * 4 + 1.25;
            kvAux += (batch + 1) * 88 + chunk * (q + 1) * 8 + chunk * d * (q + k) * 4 + ATTENTION_WORKSPACE_BYTES;
            modelWorkspace += chunk * 4 + batch * 4 + (chunk * 2 + batch) * hidden * 2;
            logitWorkspace += batch * 20 + batch * vocab * 16.125;
        }

        // Step 4: capacity from memory.
        double available = device * utilization;
        double quotient = (available - params - temp - kvAux - modelWorkspace - logitWorkspace) / kvBytesPerToken;
        long capacity;
        boolean overflow = false;
        if (rules.capacityIsInt32()) {
            long truncated = (long) quotient;
            overflow = truncated > Integer.MAX_VALUE;
            capacity = (int) quotient;
        } else {
            capacity = (long) quotient;
        }
        double exceptKv = (double) (params + temp) + kvAux + modelWorkspace + logitWorkspace;
        double temporary = modelWorkspace + logitWorkspace + temp;
        if (capacity <= 0) {
            return new ModeEstimate(mode, batch, user.maxNumSequence().isPresent(), 0,
                    user.maxTotalSequenceLength().isPresent(), 0, user.prefillChunkSize().isPresent(),
                    singleSequence, capacity, overflow, available, params, temp, kvBytesPerToken, kvAux,
                    modelWorkspace, logitWorkspace, 0, exceptKv, kvAux, temporary);
        }
        if (s.device().backend() == Backend.METAL) {
            capacity = Math.min(capacity, Backend.METAL_MAX_TOTAL_SEQUENCE_LENGTH);
        }

        // Step 5: T.
        long total = user.maxTotalSequenceLength().orElse(switch (mode) {
            case LOCAL -> min(capacity, sizingSequence, LOCAL_MAX_TOTAL_SEQUENCE_LENGTH);
            case INTERACTIVE -> rules.interactiveCappedBySlidingWindow()
                    ? min(capacity, sizingSequence, limits.minSlidingWindowSize()) : Math.min(capacity, sizingSequence);
            case SERVER -> sizingSequence == Long.MAX_VALUE ? capacity : Math.min(capacity, Math.multiplyExact(batch, sizingSequence));
        });
        // Step 6: P.
        long prefill = user.prefillChunkSize().orElse(switch (mode) {
            case LOCAL, INTERACTIVE -> min(limits.runtimeMaxPrefillChunkSize(),
                    rules.prefillCappedByCapacity() ? total : capacity, sizingSequence);
            case SERVER -> limits.runtimeMaxPrefillChunkSize();
        });

        // Step 7: printed quantities.
        double kvPages = total * kvBytesPerToken;
        return new ModeEstimate(mode, batch, user.maxNumSequence().isPresent(), total,
                user.maxTotalSequenceLength().isPresent(), prefill, user.prefillChunkSize().isPresent(),
                singleSequence, capacity, overflow, available, params, temp, kvBytesPerToken, kvAux,
                modelWorkspace, logitWorkspace, kvPages, exceptKv + kvPages, kvBytesPerToken * total + kvAux,
                temporary);
    }

    private static long min(long a, long b, long c) {
        return Math.min(a, Math.min(b, c));
    }
}
