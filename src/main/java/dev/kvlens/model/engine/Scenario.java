package dev.kvlens.model.engine;

import dev.kvlens.model.Device;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ModelLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * All inputs of one estimate: the compiled model, the additional models that run next to it (a speculative-decoding
 * draft model, Eagle or Medusa heads; rules §3.8), the device, the engine settings and the rule set.
 *
 * @param model             the main model (MLC's model 0: its tokenizer, vocabulary and workspaces lead)
 * @param additionalModels  MLC's {@code additional_models}, in order; empty for a single model
 */
public record Scenario(ModelLibrary model, List<ModelLibrary> additionalModels, Device device, EngineSettings engine,
                       RuleSet rules) {

    public Scenario {
        Objects.requireNonNull(model, "model");
        additionalModels = List.copyOf(additionalModels);
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(rules, "rules");
    }

    /** A single-model scenario. */
    public Scenario(ModelLibrary model, Device device, EngineSettings engine, RuleSet rules) {
        this(model, List.of(), device, engine, rules);
    }

    /** Every model in MLC's order: the main model, then the additional ones (the per-model sums of §3.3–§3.5). */
    public List<ModelLibrary> models() {
        List<ModelLibrary> all = new ArrayList<>(1 + additionalModels.size());
        all.add(model);
        all.addAll(additionalModels);
        return all;
    }

    public Scenario withModel(ModelLibrary value) {
        return new Scenario(value, additionalModels, device, engine, rules);
    }

    public Scenario withAdditionalModels(List<ModelLibrary> value) {
        return new Scenario(model, value, device, engine, rules);
    }

    public Scenario withDevice(Device value) {
        return new Scenario(model, additionalModels, value, engine, rules);
    }

    public Scenario withEngine(EngineSettings value) {
        return new Scenario(model, additionalModels, device, value, rules);
    }

    public Scenario withRules(RuleSet value) {
        return new Scenario(model, additionalModels, device, engine, value);
    }
}
