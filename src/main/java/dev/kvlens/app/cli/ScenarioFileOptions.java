package dev.kvlens.app.cli;

import dev.kvlens.app.AppVersion;
import dev.kvlens.io.ScenarioFiles;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.scenario.ScenarioDocument;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code estimate --scenario FILE} and {@code --save-scenario FILE}: KV Lens scenario files ({@code *.kvlens.json},
 * what the window saves), with the additional models MLC runs next to the main one (rules §3.8).
 */
final class ScenarioFileOptions {

    /** The options that still apply to a scenario read from a file. */
    private static final Set<String> WITH_A_FILE = Set.of("--scenario", "--save-scenario", "--additional-model",
            "--format", "--emit-command", "--runtime-log");

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A KV Lens scenario file (*.kvlens.json, as the window saves it): model, measured figures, "
                    + "device, engine, rules and additional models come from it (--additional-model adds more).")
    Path scenario;

    @Option(names = "--save-scenario", paramLabel = "FILE",
            description = "Also write this scenario, additional models included, as a KV Lens scenario file.")
    Path save;

    boolean fromFile() {
        return scenario != null;
    }

    /** The scenario file, with {@code extra} additional models after its own; other scenario options are refused. */
    ScenarioDocument read(ParseResult parsed, List<AdditionalModel> extra) {
        parsed.matchedOptions().stream().map(o -> o.longestName()).filter(n -> !WITH_A_FILE.contains(n)).findFirst()
                .ifPresent(n -> {
                    throw new IllegalArgumentException(n + ": the scenario file " + scenario.getFileName()
                            + " gives the model, device and engine; open it in the window to change them");
                });
        ScenarioDocument document = ScenarioFiles.read(scenario);
        List<AdditionalModel> models = new ArrayList<>(document.additionalModels());
        models.addAll(extra);
        return new ScenarioDocument(document.spec(), document.modelDefaults(), document.modelLocation(), models);
    }

    /** Writes the scenario when {@code --save-scenario} asks for it. */
    void saveIfAsked(ScenarioDocument document) {
        if (save == null) {
            return;
        }
        try {
            ScenarioFiles.write(document, save, "KV Lens " + AppVersion.version());
        } catch (IOException e) {
            throw new IllegalArgumentException("--save-scenario: cannot write " + save + ": " + e.getMessage());
        }
    }
}
