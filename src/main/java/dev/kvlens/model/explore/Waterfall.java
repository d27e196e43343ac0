package dev.kvlens.model.explore;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.text.Phrase;

import java.util.ArrayList;
import java.util.List;

/**
 * From the compile report to MLC's runtime total for one mode, step by step: parameters, the compile-time
 * temporary buffer, its runtime doubling, the KV aux, model and logit workspaces, then the KV pages. Running
 * totals are added in MLC's order, so the last one is exactly "Estimated total single GPU memory usage".
 */
public final class Waterfall {

    /** The steps, in order. */
    public enum Kind { PARAMETERS, COMPILE_TEMP, SAFETY_DOUBLING, KV_AUX, MODEL_WORKSPACE, LOGIT_WORKSPACE, KV_PAGES }

    /**
     * One step.
     *
     * @param kind      what is added
     * @param bytes     how much
     * @param total     the running total after it
     * @param formula   how MLC computes it (rules notation), for people in any language
     */
    public record Step(Kind kind, double bytes, double total, Phrase formula) {
    }

    private static Phrase words(String key) {
        return Phrase.of("model.waterfall." + key);
    }

    /** A formula in the rules' notation only (no words to translate). */
    private static Phrase notation(String formula) {
        return Phrase.of("text.verbatim", formula);
    }

    private Waterfall() {
    }

    /** The steps for a mode of an estimate (KV path). */
    public static List<Step> of(Estimate estimate, ModeEstimate m) {
        long compileTemp = estimate.scenario().model().tempFuncBytes().bytes();
        long extra = m.tempBufferBytes() - compileTemp;
        List<Step> steps = new ArrayList<>();
        long paramsAndTemp = m.paramsBytes() + compileTemp;
        steps.add(new Step(Kind.PARAMETERS, m.paramsBytes(), m.paramsBytes(), words("params")));
        steps.add(new Step(Kind.COMPILE_TEMP, compileTemp, paramsAndTemp, words("compileTemp")));
        steps.add(new Step(Kind.SAFETY_DOUBLING, extra, m.paramsBytes() + m.tempBufferBytes(),
                words(extra == 0 ? "noDoubling" : "doubling")));
        double total = (double) (m.paramsBytes() + m.tempBufferBytes());
        total += m.kvAuxBytes();
        steps.add(new Step(Kind.KV_AUX, m.kvAuxBytes(), total, notation("(B+1)·88 + S·(q+1)·8 + S·d·(q+k)·4 + 48 MiB")));
        total += m.modelWorkspaceBytes();
        steps.add(new Step(Kind.MODEL_WORKSPACE, m.modelWorkspaceBytes(), total, notation("S·4 + B·4 + (2S+B)·d·q·2")));
        total += m.logitWorkspaceBytes();
        steps.add(new Step(Kind.LOGIT_WORKSPACE, m.logitWorkspaceBytes(), total, notation("B·20 + B·V·16.125")));
        total += m.kvPagesBytes();
        steps.add(new Step(Kind.KV_PAGES, m.kvPagesBytes(), total, notation("T × (d·k·L·4 + 1.25)")));
        return steps;
    }
}
