package dev.kvlens.model;

import java.util.Objects;

/** All inputs of one estimate: the compiled model, the device, the engine settings and the rule set. */
public record Scenario(ModelLibrary model, Device device, EngineSettings engine, RuleSet rules) {

    public Scenario {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(rules, "rules");
    }

    public Scenario withModel(ModelLibrary value) {
        return new Scenario(value, device, engine, rules);
    }

    public Scenario withDevice(Device value) {
        return new Scenario(model, value, engine, rules);
    }

    public Scenario withEngine(EngineSettings value) {
        return new Scenario(model, device, value, rules);
    }

    public Scenario withRules(RuleSet value) {
        return new Scenario(model, device, engine, value);
    }
}
