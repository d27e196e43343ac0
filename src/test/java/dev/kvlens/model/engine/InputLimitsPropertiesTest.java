package dev.kvlens.model.engine;

import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the whole range {@link InputLimits} allows — every field drawn from 1, a random value or its bound —
 * the estimate, the parameter bytes and the compile report are never negative, never NaN or infinite and never
 * absurd (a total MLC chose from memory fits that memory), or the inputs are refused with MLC's (or KV Lens's)
 * one-line reason. A seeded loop (no jqwik): the seed and the input are printed on failure.
 */
class InputLimitsPropertiesTest {

    private static final int TRIES = 10_000;
    private static final long SEED = Long.getLong("kvlens.seed", 20261201L);
    private static final ModelFamily[] FAMILIES = {ModelFamily.LLAMA, ModelFamily.MISTRAL, ModelFamily.QWEN2,
            ModelFamily.QWEN3, ModelFamily.PHI3, ModelFamily.GEMMA, ModelFamily.GEMMA2, ModelFamily.GPT_NEOX,
            ModelFamily.PHI, ModelFamily.RWKV, ModelFamily.UNKNOWN};

    @Test
    void noFigureIsNegativeOrAbsurdAnywhereInTheAllowedRange() {
        SplittableRandom random = new SplittableRandom(SEED);
        int estimated = 0;
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            Scenario scenario;
            String input = "";
            try {
                scenario = scenario(random);
                input = describe(scenario);
            } catch (IllegalArgumentException e) {
                continue; // the generator met a constructor's own rule (e.g. heads that do not split)
            }
            try {
                Estimate estimate = Estimator.estimate(scenario);
                check(scenario, estimate);
                CompileReport report = CompileReport.of(scenario.model(), CompileReport.Era.values()[i % CompileReport.Era.values().length]);
                assertThat(report.kvCacheBytes()).isNotNegative();
                report.kvBytesPerToken().ifPresent(b -> assertThat(b).isPositive());
                estimated++;
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                if (refusals.size() < 3) {
                    refusals.add(e.getMessage());
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + SEED + ", try " + i + ": " + input + ": " + e, e);
            }
        }
        assertThat(estimated).as("estimates formed (refusals such as " + refusals + ")").isGreaterThan(TRIES / 4);
    }

    private static void check(Scenario s, Estimate estimate) {
        for (ModeEstimate m : estimate.modes()) {
            assertThat(m.maxNumSequence()).isPositive();
            assertThat(m.maxTotalSequenceLength()).isNotNegative();
            assertThat(m.prefillChunkSize()).isNotNegative();
            assertThat(m.paramsBytes()).isNotNegative();
            assertThat(m.tempBufferBytes()).isNotNegative();
            for (double v : new double[] {m.availableBytes(), m.kvAuxBytes(), m.modelWorkspaceBytes(),
                    m.logitWorkspaceBytes(), m.kvPagesBytes(), m.totalBytes(), m.kvCacheBytes(), m.temporaryBytes()}) {
                assertThat(v).isFinite().isNotNegative();
            }
            assertThat(m.kvBytesPerToken()).isFinite().isPositive();
            assertThat(m.totalBytes()).isGreaterThanOrEqualTo((double) m.paramsBytes());
            if (estimate.stateKind() == Estimate.StateKind.KV_CACHE && m.maxTotalSequenceLength() > 0
                    && !m.capacitySpecifiedByUser()) {
                // MLC chose T ≤ Tmax from the memory budget: what it prints fits that budget (up to double rounding);
                // the RNN path prints a fixed T whatever the memory (§3.7)
                assertThat(m.totalBytes()).isLessThanOrEqualTo(m.availableBytes() * (1 + 1e-9) + 1);
            }
        }
        assertThat(s.model().paramsBytes().bytes()).isNotNegative();
        assertThat(s.model().tempFuncBytes().bytes()).isNotNegative();
    }

    private static Scenario scenario(SplittableRandom r) {
        ModelFamily family = FAMILIES[r.nextInt(FAMILIES.length)];
        int tp = new int[] {1, 1, 2, 4}[r.nextInt(4)];
        int kv = pick(r, InputLimits.MAX_HEADS / tp) * tp;
        int q = Math.min(InputLimits.MAX_HEADS, kv * (1 << r.nextInt(4)));
        int d = pick(r, InputLimits.MAX_HEAD_DIM);
        int layers = pick(r, InputLimits.MAX_LAYERS);
        while ((long) d * kv * layers > InputLimits.MAX_KV_ELEMENTS_PER_TOKEN) {
            layers = Math.max(1, layers / 2);
            d = Math.max(1, d / 2);
        }
        int hidden = pick(r, InputLimits.MAX_HIDDEN);
        int intermediate = pick(r, InputLimits.MAX_INTERMEDIATE / 64) * 64 * (r.nextInt(8) == 0 ? 0 : 1);
        int vocab = pick(r, InputLimits.MAX_VOCAB);
        ModelGeometry g = new ModelGeometry(family.name().toLowerCase(), family, layers, q, kv, d, hidden,
                intermediate, vocab, r.nextBoolean(), r.nextBoolean());
        int context = r.nextInt(6) == 0 ? -1 : pick(r, InputLimits.MAX_TOKENS);
        int prefill = pick(r, InputLimits.MAX_TOKENS);
        int batch = pick(r, family.usesRnnState() ? InputLimits.MAX_RNN_BATCH : InputLimits.MAX_BATCH);
        CompileConfig compile = new CompileConfig(context, prefill, batch, tp, 1 + r.nextInt(2),
                r.nextInt(4) == 0 ? pick(r, InputLimits.MAX_TOKENS) : -1);
        Quantization scheme = Quantization.ALL.get(r.nextInt(Quantization.ALL.size()));
        ByteFigure params = r.nextInt(3) == 0 || !family.hasKnownLayout() || intermediate == 0
                ? ByteFigure.given(r.nextLong(InputLimits.MAX_BYTES + 1), "given") : null;
        ByteFigure temp = r.nextBoolean() ? ByteFigure.given(r.nextLong(InputLimits.MAX_BYTES + 1), "given") : null;
        ModelDescription description = new ModelDescription("m", "m", g, Optional.of(scheme), compile,
                ChatConfigValues.matching(compile), "generated");
        ModelLibrary library = ModelLibrary.build(description, scheme, compile, params, temp);
        long device = 1 + r.nextLong(InputLimits.MAX_BYTES);
        Backend backend = Backend.values()[r.nextInt(Backend.values().length)];
        OptionalDouble util = r.nextBoolean() ? OptionalDouble.empty() : OptionalDouble.of(0.01 + r.nextDouble() * 0.99);
        int maxBatch = family.usesRnnState() ? InputLimits.MAX_RNN_BATCH : InputLimits.MAX_BATCH;
        EngineOverrides overrides = new EngineOverrides(maybe(r, maxBatch), maybe(r, InputLimits.MAX_TOKENS),
                maybe(r, InputLimits.MAX_TOKENS), maybe(r, InputLimits.MAX_TOKENS));
        EngineMode mode = EngineMode.values()[r.nextInt(EngineMode.values().length)];
        RuleSet rules = RuleSet.ALL.get(r.nextInt(RuleSet.ALL.size()));
        return new Scenario(library, new Device("d", backend, device), new EngineSettings(mode, util, overrides), rules);
    }

    /** 1, the bound, or a log-uniform value in between. */
    private static int pick(SplittableRandom r, int max) {
        return switch (r.nextInt(4)) {
            case 0 -> 1;
            case 1 -> max;
            default -> (int) Math.max(1, Math.min(max, Math.round(Math.exp(r.nextDouble() * Math.log(max)))));
        };
    }

    private static OptionalLong maybe(SplittableRandom r, int max) {
        return r.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(pick(r, max));
    }

    private static String describe(Scenario s) {
        return s.model().geometry() + " " + s.model().quantization().name() + " " + s.model().compile() + " params "
                + s.model().paramsBytes().bytes() + " temp " + s.model().tempFuncBytes().bytes() + " " + s.device() + " "
                + s.engine() + " " + s.rules().id();
    }
}
