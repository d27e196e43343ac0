package dev.kvlens.model.engine;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.library.ModelLimits;
import dev.kvlens.model.architecture.ModelGeometry;

import java.util.List;

/**
 * MLC-LLM's RNN-state engine-config inference for RWKV models ({@code InferForRNNState}, rules §3.7).
 * Only the selected mode is evaluated; the temporary figure is the sum over functions, without ×2, and
 * parameters are not divided by pipeline stages.
 */
final class RnnStateEstimator {

    private static final long FIXED_TOTAL_SEQUENCE_LENGTH = 32768;
    private static final long MAX_PREFILL = 4096;
    private static final int MAX_BATCH = 4;

    private RnnStateEstimator() {
    }

    static Estimate estimate(Scenario s) {
        EngineOverrides user = s.engine().overrides();
        if (user.maxSingleSequenceLength().isPresent()) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "RNN state does not support max_single_sequence_length, while it is set to "
                    + user.maxSingleSequenceLength().getAsLong() + " in the input EngineConfig");
        }
        RuleSet rules = s.rules();
        ModelLimits limits = ModelLimits.of(s.model(), rules);
        EngineMode mode = s.engine().mode();
        ModelLibrary model = s.model();
        ModelGeometry g = model.geometry();

        long prefill = user.prefillChunkSize().orElse(Math.min(limits.runtimeMaxPrefillChunkSize(), MAX_PREFILL));
        long batch = user.maxNumSequence().orElse(
                mode == EngineMode.INTERACTIVE ? 1 : Math.min(MAX_BATCH, limits.maxBatchSize()));
        long total = user.maxTotalSequenceLength().orElse(FIXED_TOTAL_SEQUENCE_LENGTH);

        long params = model.paramsBytes().bytes();
        long temp = model.tempFuncBytes().bytes();
        long hidden = g.hiddenSize();
        long heads = g.numAttentionHeads();
        long headSize = g.headDim();
        long layers = g.numHiddenLayers();
        long chunk = model.chatConfig().workspacePrefillChunkSize();
        long vocab = g.vocabSize();

        double stateBase = 0;
        stateBase += batch * hidden * layers * 2 * 2 + batch * heads * headSize * headSize * layers * 2;
        double modelWorkspace = 0;
        modelWorkspace += chunk * 4 + batch * 4 + (chunk * 2 + batch) * hidden * 2;
        double logitWorkspace = 0;
        logitWorkspace += batch * 20 + batch * vocab * 16.125;

        long device = Estimator.deviceBytes(s.device(), rules);
        double utilization = Estimator.utilization(s.engine(), rules);
        double available = device * utilization;
        double quotient = (available - params - temp - modelWorkspace - logitWorkspace) / stateBase;
        long history = (int) quotient;
        boolean overflow = (long) quotient > Integer.MAX_VALUE;

        double state = history > 0 ? history * stateBase : 0;
        double temporary = modelWorkspace + logitWorkspace + temp;
        // MLC prints params + temp + state, leaving the workspaces out of the total (§3.7).
        double printedTotal = (params + temp) + state;
        ModeEstimate estimate = new ModeEstimate(mode, batch, user.maxNumSequence().isPresent(), total,
                user.maxTotalSequenceLength().isPresent(), prefill, user.prefillChunkSize().isPresent(), 0,
                history, overflow, available, params, temp, stateBase, 0, modelWorkspace, logitWorkspace, state,
                printedTotal, state, temporary);
        return new Estimate(s, Estimate.StateKind.RNN_STATE, device, utilization, List.of(estimate));
    }
}
