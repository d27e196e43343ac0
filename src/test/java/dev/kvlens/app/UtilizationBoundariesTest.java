package dev.kvlens.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.TestScenarios;
import dev.kvlens.app.cli.KvLensCommand;
import dev.kvlens.io.ScenarioFiles;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.scenario.UtilizationInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One rule for gpu_memory_utilization in the window's field, on the command line and in a scenario file (issue 13):
 * MLC checks no range (rules §3.1), so KV Lens takes every finite value above 0, and warns above 1, where MLC plans
 * with more memory than the GPU has; at or below 0 nothing can be planned and all three refuse it.
 */
@Tag("fx") // runs the CLI (KvLensCommand)
class UtilizationBoundariesTest {

    @ParameterizedTest(name = "{0}: taken {1}, warned {2}")
    @CsvSource({"0, false, false", "-0.01, false, false", "-0.0, false, false", "NaN, false, false",
            "Infinity, false, false", "0.001, true, false", "0.01, true, false", "0.85, true, false",
            "1, true, false", "1.01, true, true", "3, true, true"})
    void theWindowAndTheCommandLineTakeAndWarnAlike(String typed, boolean taken, boolean warned) {
        CliTest.Run cli = CliTest.run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1",
                "--gpu", "rtx-4090", "--gpu-memory-utilization", typed);
        // taken: an estimate (exit 0, or 3 when a budget of 0.1 % of the card cannot hold the model); refused: exit 2
        assertThat(cli.code() != KvLensCommand.EXIT_INPUT).isEqualTo(taken);
        assertThat(cli.err().contains("warning: gpu_memory_utilization")).isEqualTo(warned);
        if (!taken) {
            assertThat(cli.err()).contains("gpu_memory_utilization").doesNotContain("Exception");
        }

        EstimatorViewModel window = TestScenarios.startingViewModel();
        UtilizationInput field = window.utilizationInput();
        field.textProperty().set(typed);
        field.commit();
        assertThat(field.invalidProperty().get()).isEqualTo(!taken);
        assertThat(field.warningProperty().get().isEmpty()).isEqualTo(!warned);
        assertThat(window.gpuMemoryUtilizationProperty().get()).isEqualTo(taken ? Double.parseDouble(typed) : 0.85);
    }

    @ParameterizedTest(name = "a scenario file with {0}: taken {1}")
    @CsvSource({"0, false", "-0.01, false", "0.001, true", "0.01, true", "1, true", "1.01, true", "3, true"})
    void aScenarioFileTakesWhatTheWindowTakes(double utilization, boolean taken, @TempDir Path dir) throws Exception {
        EstimatorViewModel window = TestScenarios.startingViewModel();
        Path file = dir.resolve("s.kvlens.json");
        ScenarioFiles.write(window.document(), file, "test");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.path("engine")).put("gpuMemoryUtilization", utilization);
        Files.writeString(file, json.writeValueAsString(root));

        UtilizationInput field = window.utilizationInput();
        field.textProperty().set(Double.toString(utilization));
        field.commit();
        assertThat(field.invalidProperty().get()).isEqualTo(!taken);
        if (taken) {
            assertThat(ScenarioFiles.read(file).spec().engine().gpuMemoryUtilization()).hasValue(utilization);
        } else {
            assertThatThrownBy(() -> ScenarioFiles.read(file)).hasMessageContaining("gpu_memory_utilization");
        }
    }
}
