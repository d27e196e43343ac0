package dev.kvlens.model;

import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.scenario.MlcCommands;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlc_llm serve --additional-models} as MLC's {@code cli/serve.py} (79d603f0) parses it: {@code nargs="*"}
 * model folders, each split at its first ',' into folder and library, then {@code --speculative-mode}.
 */
class ServeDraftModelsTest {

    private static final ScenarioSpec PLAIN = new ScenarioSpec(TestScenarios.preset("llama-3-8b"),
            Quantization.require("q4f16_1"), Optional.empty(), Optional.empty(),
            new Device("d", Backend.CUDA, TestScenarios.RTX4090_BYTES), EngineSettings.defaults(EngineMode.LOCAL),
            RuleSet.D2025);

    private static String serve(MlcCommands.Shell shell, MlcCommands.Additional... additional) {
        return MlcCommands.of(PLAIN, PLAIN.model().compile(), Optional.of("dist/main"), List.of(additional))
                .script(shell);
    }

    @Test
    void eachFolderIsOneQuotedArgumentFollowedByTheSpeculativeMode() {
        String line = serve(MlcCommands.Shell.POSIX,
                new MlcCommands.Additional(Optional.of("/models/my draft's"), "x-q4f16_1", "llama"),
                new MlcCommands.Additional(Optional.empty(), "Llama-3.2-1B-q4f16_1", "llama"));

        assertThat(line).isEqualTo("mlc_llm serve dist/main --mode local --additional-models '/models/my draft'\\''s' "
                + "./dist/llama-3.2-1b-q4f16_1-MLC --speculative-mode small_draft");
    }

    @Test
    void eagleAndMedusaChooseTheirModeAndPowerShellQuotesItsWay() {
        assertThat(serve(MlcCommands.Shell.POWERSHELL,
                new MlcCommands.Additional(Optional.of("C:\\m\\eagle draft"), "e-q0f16", "eagle")))
                .endsWith("--additional-models 'C:\\m\\eagle draft' --speculative-mode eagle");
        assertThat(serve(MlcCommands.Shell.POSIX, new MlcCommands.Additional(Optional.of("heads"), "m-q0f16", "medusa")))
                .endsWith("--additional-models heads --speculative-mode medusa");
    }

    @Test
    void aFolderMlcWouldSplitOrReadAsAnOptionIsNotPassedAsIs() {
        assertThat(serve(MlcCommands.Shell.POSIX, new MlcCommands.Additional(Optional.of("a,b"), "d-q4f16_1", "llama")))
                .contains("--additional-models <d-q4f16_1-folder-without-commas> --speculative-mode");
        assertThat(serve(MlcCommands.Shell.POSIX, new MlcCommands.Additional(Optional.of("-draft"), "d-q4f16_1", "llama")))
                .contains("--additional-models ./-draft --speculative-mode");
    }

    @Test
    void withoutAdditionalModelsNothingIsAdded() {
        assertThat(serve(MlcCommands.Shell.POSIX)).isEqualTo("mlc_llm serve dist/main --mode local");
    }
}
