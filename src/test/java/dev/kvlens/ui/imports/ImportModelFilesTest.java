package dev.kvlens.ui.imports;

import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.SharedData;
import dev.kvlens.TestScenarios;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.MlcFolderFixturesAccess;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening a library or a model folder in the window: the right model, exact figures, never two models mixed. */
class ImportModelFilesTest {

    private EstimatorViewModel vm;
    private ImportViewModel imports;

    @BeforeEach
    void setUp() {
        vm = TestScenarios.startingViewModel();
        imports = new ImportViewModel(vm);
    }

    @Test
    void aLibraryOfAnotherModelSwitchesToTheModelItDescribes() {
        Path lib = SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so");

        imports.importArtifact(ArtifactReader.read(lib, imports.symbols()));

        ModelDescription now = vm.modelProperty().get();
        assertThat(now.geometry().modelType()).isEqualTo("qwen");
        assertThat(now.name()).isEqualTo("Qwen-7B-Chat-q4f16_1-mali");
        // the library's own bytes (mlc-libs-dev index), not Llama's parameters with Qwen's KV geometry
        assertThat(vm.scenario().model().paramsBytes().bytes()).isEqualTo(4_344_193_024L);
        assertThat(vm.scenario().model().tempFuncBytes().bytes()).isEqualTo(2_973_761_536L);
        assertThat(vm.scenario().model().kvCache().numKeyValueHeads()).isEqualTo(32);
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("switched to Qwen-7B-Chat-q4f16_1-mali"));
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("target opencl"));
    }

    @Test
    void theNotesAreWordedInTheUsersLanguage() {
        Path lib = SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so");
        java.util.Locale before = dev.kvlens.text.Messages.locale();
        dev.kvlens.text.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            imports.importArtifact(ArtifactReader.read(lib, imports.symbols()));
        } finally {
            dev.kvlens.text.Messages.setLocale(before);
        }

        assertThat(imports.notes()).anySatisfy(n -> assertThat(n)
                .contains("Qwen-7B-Chat-q4f16_1-mali.so 是 qwen（32 层，每个分片 32 个 KV 头，维度 128）")
                .contains("已切换到该模型库所描述的模型 Qwen-7B-Chat-q4f16_1-mali"));
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("ELF 共享库，目标 opencl"));
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("假定为 80"));
    }

    @Test
    void theNotesAreReWordedWhenTheLanguageSwitches() {
        Path lib = SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so");
        withLanguage(java.util.Locale.ENGLISH, () -> imports.importArtifact(ArtifactReader.read(lib, imports.symbols())));
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("switched to Qwen-7B-Chat-q4f16_1-mali"));
        assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("from Qwen-7B-Chat-q4f16_1-mali.so"));

        withLanguage(java.util.Locale.SIMPLIFIED_CHINESE, () -> {
            assertThat(imports.notes()).anySatisfy(n -> assertThat(n)
                    .contains("已切换到该模型库所描述的模型 Qwen-7B-Chat-q4f16_1-mali"));
            assertThat(imports.notes()).anySatisfy(n -> assertThat(n).contains("ELF 共享库，目标 opencl"));
            assertThat(imports.notes()).noneSatisfy(n -> assertThat(n).contains("switched to"));
        });
    }

    /** Runs {@code step} with the window's language switched to {@code language}, then switches back. */
    private static void withLanguage(java.util.Locale language, Runnable step) {
        java.util.Locale before = dev.kvlens.text.Language.locale();
        dev.kvlens.text.Language.set(language);
        try {
            step.run();
        } finally {
            dev.kvlens.text.Language.set(before);
        }
    }

    @Test
    void aLibraryThatCannotDescribeItselfIsRefusedAndNothingChanges() {
        Path lib = SharedData.path("mlc-libs-bin/RedPajama-INCITE-Chat-3B-v1-q4f16_1-iphone.tar");
        ModelDescription before = vm.modelProperty().get();
        Artifact artifact = ArtifactReader.read(lib, imports.symbols());

        assertThatThrownBy(() -> imports.importArtifact(artifact)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is gpt_neox").hasMessageContaining("Llama-3-8B-Instruct is llama");
        assertThat(vm.modelProperty().get()).isEqualTo(before);
        assertThat(vm.givenParamsBytesProperty().get()).isNull();
    }

    @Test
    void aWeightsFolderBringsItsModelAndTensorCacheBytes(@TempDir Path dir) throws IOException {
        Path folder = MlcFolderFixturesAccess.weightsFolder(dir.resolve("Qwen2-0.5B-Instruct-q4f16_1-MLC"),
                "web-llm-models__v0_2_43__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm.json");

        imports.importArtifact(ArtifactReader.read(folder, Map.of()));

        assertThat(vm.modelProperty().get().name()).isEqualTo("Qwen2-0.5B-Instruct-q4f16_1-MLC");
        assertThat(vm.scenario().model().paramsBytes().bytes()).isEqualTo(277_996_288L); // mlc-libs-dev index
        assertThat(vm.scenario().model().paramsBytes().detail()).isEqualTo("tensor-cache.json");

        // then its library: the same model, so its exact temporary buffer joins in
        imports.importArtifact(ArtifactReader.read(SharedData.path(
                "mlc-libs-bin/Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm"), imports.symbols()));

        assertThat(vm.scenario().model().tempFuncBytes().bytes()).isEqualTo(1_324_351_488L);
        assertThat(vm.scenario().model().tempFuncBytes().provenance().exact()).isTrue();
        assertThat(vm.result().estimate().orElseThrow().mode(EngineMode.LOCAL)).isPresent();
    }
}
