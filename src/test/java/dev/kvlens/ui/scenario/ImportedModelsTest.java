package dev.kvlens.ui.scenario;

import dev.kvlens.TestScenarios;
import dev.kvlens.io.UserState;
import dev.kvlens.model.library.ModelDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported models can be removed from the picker (presets cannot), and stay removed at the next start. */
class ImportedModelsTest {

    private final EstimatorViewModel vm = TestScenarios.startingViewModel();
    private final ModelDescription preset = vm.modelProperty().get();
    private final ModelDescription imported = new ModelDescription("mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC",
            "mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC", preset.geometry(), preset.quantization(), preset.compile(),
            preset.chatConfig(), "mlc-chat-config.json");

    @Test
    void removingTheImportedModelShownGoesBackToTheFirstPreset() {
        vm.models().add(imported);
        vm.modelProperty().set(imported);
        assertThat(vm.isImported(imported)).isTrue();
        assertThat(vm.isImported(preset)).isFalse();

        vm.removeImported(imported);

        assertThat(vm.models()).doesNotContain(imported);
        assertThat(vm.modelProperty().get()).isEqualTo(vm.models().get(0));
        assertThat(vm.result().estimate()).isPresent();
    }

    @Test
    void theSameModelImportedFromTwoPlacesIsListedOnce() {
        ModelDescription copy = new ModelDescription(imported.id(), imported.name(), imported.geometry(),
                imported.quantization(), imported.compile(), imported.chatConfig(), "/elsewhere/mlc-chat-config.json");
        int before = vm.models().size();
        assertThat(vm.addImported(imported)).isSameAs(imported);
        assertThat(vm.addImported(copy)).isSameAs(imported);
        assertThat(vm.models()).hasSize(before + 1);
        ModelDescription other = new ModelDescription(imported.id(), imported.name(), imported.geometry(),
                imported.quantization(), imported.compile().withMaxBatchSize(16), imported.chatConfig(), "b.json");
        assertThat(vm.addImported(other)).isSameAs(other); // compiled otherwise: another entry
        assertThat(vm.models()).hasSize(before + 2);
    }

    @Test
    void presetsStayInTheList() {
        int before = vm.models().size();
        vm.removeImported(preset);
        assertThat(vm.models()).hasSize(before).contains(preset);
    }

    @Test
    void aForgottenModelIsNotRestoredAtTheNextStart(@TempDir Path dir) throws IOException {
        UserState state = new UserState(dir);
        state.rememberModel(imported);
        assertThat(new UserState(dir).importedModels()).containsExactly(imported);
        state.forgetModel(imported);
        assertThat(new UserState(dir).importedModels()).isEmpty();
        assertThat(new UserState(dir).problems()).isEmpty();
    }
}
