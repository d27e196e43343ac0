package dev.kvlens.ui.shell;

import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.common.StubFileService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** File ▸ Open from this machine…: what the dialog lists and says, in English and Chinese, without the toolkit. */
class LocalModelsViewModelTest {

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    private static FileCommands finding(List<InstalledModel> found) {
        return new FileCommands(new StubFileService(Map.of(), found,
                List.of(Path.of("/home/u/.cache/mlc_llm"), Path.of("/home/u/.cache/huggingface/hub"))), Runnable::run);
    }

    private static final InstalledModel LIBRARY = new InstalledModel("Llama-3-8B-Instruct-q4f16_1-cuda.so",
            InstalledModel.Kind.MLC_LIBRARY, "/home/u/.cache/mlc_llm/model_lib/Llama-3-8B-Instruct-q4f16_1-cuda.so",
            Optional.of("/home/u/.cache/mlc_llm/model_weights/Llama-3-8B-Instruct-q4f16_1-MLC"));

    @Test
    void aLibraryIsListedWithItsKindAndTheWeightsItWasCompiledFor() {
        assertThat(LocalModelsViewModel.label(LIBRARY)).isEqualTo("MLC library · Llama-3-8B-Instruct-q4f16_1-cuda.so"
                + " · compiled for Llama-3-8B-Instruct-q4f16_1-MLC");
        Language.set(Language.CHINESE);
        assertThat(LocalModelsViewModel.label(LIBRARY)).isEqualTo("MLC 模型库 · Llama-3-8B-Instruct-q4f16_1-cuda.so"
                + " · 为 Llama-3-8B-Instruct-q4f16_1-MLC 编译");
    }

    @Test
    void nothingFoundNamesBothCachesAndSomethingFoundClearsTheStatus() {
        LocalModelsViewModel empty = new LocalModelsViewModel(finding(List.of()), Runnable::run);
        empty.search().join();
        assertThat(empty.entries()).isEmpty();
        assertThat(empty.statusProperty().get())
                .isEqualTo("Nothing found in /home/u/.cache/mlc_llm or /home/u/.cache/huggingface/hub");
        Language.set(Language.CHINESE);
        empty.search().join();
        assertThat(empty.statusProperty().get())
                .isEqualTo("在 /home/u/.cache/mlc_llm 或 /home/u/.cache/huggingface/hub 中没有找到模型");
        LocalModelsViewModel one = new LocalModelsViewModel(finding(List.of(LIBRARY)), Runnable::run);
        one.search().join();
        assertThat(one.entries()).containsExactly(LIBRARY);
        assertThat(one.statusProperty().get()).isEmpty();
    }
}
