package dev.kvlens.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario files with additional (draft) models (rules §3.8): round trip, older files, newer fields. */
class ScenarioDraftModelsTest {

    private static ScenarioDocument withDraft() {
        ModelDescription llama = TestScenarios.preset("llama-3-8b");
        ScenarioSpec spec = new ScenarioSpec(llama, Quantization.require("q4f16_1"),
                Optional.of(ByteFigure.given(4_517_404_672L, "tensor cache")), Optional.of(ByteFigure.given(1_308_622_848L, "log")),
                new Device("NVIDIA H100 80GB HBM3", Backend.CUDA, TestScenarios.H100_BYTES),
                EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025);
        ModelGeometry g = new ModelGeometry("llama", ModelFamily.LLAMA, 16, 32, 8, 64, 2048, 8192, 128_256, true, false);
        CompileConfig c = new CompileConfig(4096, 2048, 64, 1, 1, -1);
        ModelDescription draft = new ModelDescription("llama-3.2-1b", "Llama-3.2-1B draft", g,
                Quantization.byName("q4f16_1"), c, ChatConfigValues.matching(c), "draft/mlc-chat-config.json");
        return new ScenarioDocument(spec, llama.compile(), Optional.empty(), List.of(new AdditionalModel(draft,
                Quantization.require("q4f16_1"), Optional.of(ByteFigure.given(700_000_000L, "tensor cache")), Optional.empty())
                .at("/models/Llama-3.2-1B-q4f16_1-MLC"))); // the folder serve --additional-models takes
    }

    @Test
    void aDraftModelRoundTripsAndEstimatesTheSame(@TempDir Path dir) throws Exception {
        ScenarioDocument document = withDraft();
        Path file = dir.resolve("spec.kvlens.json");
        ScenarioFiles.write(document, file, "KV Lens test");
        ScenarioDocument back = ScenarioFiles.read(file);
        assertThat(back.additionalModels()).isEqualTo(document.additionalModels());
        // AdditionalModelsTest's local figure with the draft: 8550.158 MB (8,965,490,736 B)
        String log = String.join("\n", dev.kvlens.model.mlc.MlcLogFormatter.logLines(Estimator.estimate(back.toScenario())));
        assertThat(log).contains("Estimated total single GPU memory usage: 8550.158 MB");
        assertThat(EstimateJson.write(Estimator.estimate(back.toScenario())))
                .isEqualTo(EstimateJson.write(Estimator.estimate(document.toScenario())));
    }

    @Test
    void olderFilesWithoutTheFieldAreSingleModelAndUnknownFieldsAreIgnored() {
        ObjectNode tree = ScenarioFiles.toTree(withDraft(), "KV Lens test");
        ObjectNode older = tree.deepCopy();
        older.remove(ScenarioAdditionalModels.FIELD);
        assertThat(ScenarioFiles.parse("old.json", older).additionalModels()).isEmpty();
        ObjectNode newer = tree.deepCopy();
        ((ObjectNode) newer.get(ScenarioAdditionalModels.FIELD).get(0)).put("eagleHiddenStates", true);
        newer.put("someFutureField", 3);
        assertThat(ScenarioFiles.parse("new.json", newer).additionalModels()).hasSize(1);
        // and the saved session reads it too
        assertThat(ScenarioFiles.parseState("state", newer).additionalModels()).hasSize(1);
    }

    @Test
    void aBrokenDraftEntryNamesTheFileAndField() {
        ObjectNode tree = ScenarioFiles.toTree(withDraft(), "KV Lens test");
        ((ObjectNode) ((ArrayNode) tree.get(ScenarioAdditionalModels.FIELD)).get(0)).put("quantization", "q9f9");
        assertThatThrownBy(() -> ScenarioFiles.parse("s.json", tree))
                .hasMessageContaining("s.json").hasMessageContaining("additionalModels[0].quantization");
        ObjectNode notArray = ScenarioFiles.toTree(withDraft(), "KV Lens test");
        notArray.put(ScenarioAdditionalModels.FIELD, "draft");
        assertThatThrownBy(() -> ScenarioFiles.parse("s.json", notArray))
                .hasMessageContaining("s.json").hasMessageContaining("additionalModels");
    }

    @Test
    void theSavedSessionKeepsTheDraftModel(@TempDir Path dir) throws Exception {
        ScenarioDocument document = withDraft();
        new UserState(dir).saveLastScenario(document, "KV Lens test");
        ScenarioDocument back = new UserState(dir).lastScenario().orElseThrow();
        assertThat(back.additionalModels()).isEqualTo(document.additionalModels());
        assertThat(back.additionalModels().get(0).paramsBytes().orElseThrow().bytes()).isEqualTo(700_000_000L);
    }
}
