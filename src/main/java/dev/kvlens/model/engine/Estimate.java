package dev.kvlens.model.engine;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of MLC's engine-config inference for one scenario: every mode it evaluates (all three
 * for the KV cache, only the selected one for RNN state), and which of them makes MLC fail.
 *
 * @param scenario     the inputs
 * @param stateKind    KV cache or RNN state
 * @param deviceBytes  the device memory MLC uses (after the OpenCL floor)
 * @param utilization  the gpu_memory_utilization in effect
 * @param modes        the evaluated modes, in MLC's order
 */
public record Estimate(
        Scenario scenario,
        StateKind stateKind,
        long deviceBytes,
        double utilization,
        List<ModeEstimate> modes) {

    /** Which runtime path MLC takes ({@code ModelsUseKVCache}). */
    public enum StateKind { KV_CACHE, RNN_STATE }

    public Estimate {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(stateKind, "stateKind");
        modes = List.copyOf(modes);
    }

    public RuleSet rules() {
        return scenario.rules();
    }

    public EngineMode selectedMode() {
        return scenario.engine().mode();
    }

    /** The estimate of one mode, if MLC evaluated it. */
    public Optional<ModeEstimate> mode(EngineMode mode) {
        return modes.stream().filter(m -> m.mode() == mode).findFirst();
    }

    /** The selected mode's estimate. */
    public ModeEstimate selected() {
        return mode(selectedMode()).orElseThrow();
    }

    /**
     * The mode whose insufficient memory makes MLC stop, if any: the selected mode under era D rules,
     * the first failing mode in evaluation order under era C.
     */
    public Optional<ModeEstimate> failure() {
        if (rules().onlySelectedModeCanFail() || stateKind == StateKind.RNN_STATE) {
            ModeEstimate selected = selected();
            return selected.fits() ? Optional.empty() : Optional.of(selected);
        }
        return modes.stream().filter(m -> !m.fits()).findFirst();
    }

    /** Whether MLC would start the engine. */
    public boolean succeeds() {
        return failure().isEmpty();
    }
}
