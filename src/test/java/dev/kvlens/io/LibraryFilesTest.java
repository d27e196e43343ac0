package dev.kvlens.io;

import dev.kvlens.SharedData;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.mlc.LibraryOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads the metadata out of real compiled MLC libraries (../shared/mlc-libs-bin, copied from mlc-ai/binary-mlc-llm-libs).
 * Expected bytes are the index of ../shared/mlc-libs-dev/README.md: Σ params with the public vocab, max memory_usage.
 */
class LibraryFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, vocab for symbolic shapes (0 = concrete in the library), params, max memory_usage, form, target, member
            "Llama-2-7b-chat-hf-q4f16_1-android.tar, 32000, 3790741504, 90841088, STATIC_BUNDLE, android, llama_q4f16_1_devc.o",
            "RedPajama-INCITE-Chat-3B-v1-q4f16_1-iphone.tar, 50432, 1563781120, 94376960, STATIC_BUNDLE, iphone, gpt_neox_q4f16_1_devc.o",
            "Qwen-7B-Chat-q4f16_1-mali.so, 0, 4344193024, 2973761536, SHARED_OBJECT, opencl, ''",
            "Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm, 0, 277996288, 1324351488, WEBASSEMBLY, webgpu, ''",
    })
    void readsTheMetadataOfARealLibrary(String file, long vocab, long params, long temp, LibraryOrigin.Form form,
                                        String target, String member) {
        Path lib = SharedData.path("mlc-libs-bin/" + file);
        Map<String, Long> symbols = vocab == 0 ? Map.of() : Map.of("vocab_size", vocab);

        Artifact.Metadata read = LibraryFiles.read(lib, symbols);

        assertThat(read.metadata().paramsBytes()).hasValue(params);
        assertThat(read.metadata().tempFuncBytes()).hasValue(temp);
        LibraryOrigin origin = read.library().orElseThrow();
        assertThat(origin.form()).isEqualTo(form);
        assertThat(origin.target()).hasValue(target);
        assertThat(origin.member().orElse("")).isEqualTo(member);
        assertThat(origin.file()).isEqualTo(file);
    }

    @Test
    void theExtensionDoesNotMatterOnlyTheBytes(@TempDir Path dir) throws IOException {
        Path renamed = dir.resolve("model.bin");
        Files.copy(SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so"), renamed);

        assertThat(LibraryFiles.isLibrary(renamed)).isTrue();
        assertThat(LibraryFiles.read(renamed, Map.of()).metadata().paramsBytes()).hasValue(4_344_193_024L);
    }

    @Test
    void symbolicVocabIsResolvedFromTheChatConfigBesideTheLibrary(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("lib.tar");
        Files.copy(SharedData.path("mlc-libs-bin/Llama-2-7b-chat-hf-q4f16_1-android.tar"), lib);
        Files.writeString(dir.resolve("mlc-chat-config.json"), "{\"model_type\": \"llama\", \"vocab_size\": 32000,"
                + " \"model_config\": {\"vocab_size\": 32000}}");

        assertThat(LibraryFiles.read(lib, Map.of()).metadata().paramsBytes()).hasValue(3_790_741_504L);
    }

    @Test
    void anUnresolvedSymbolicDimensionIsNamed(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("lib.tar");
        Files.copy(SharedData.path("mlc-libs-bin/Llama-2-7b-chat-hf-q4f16_1-android.tar"), lib);

        Artifact.Metadata read = LibraryFiles.read(lib, Map.of());

        assertThat(read.metadata().paramsBytes()).isEmpty();
        assertThat(read.metadata().unresolved()).containsExactly("vocab_size");
        assertThat(read.metadata().tempFuncBytes()).hasValue(90_841_088L);
    }

    @Test
    void aStrayMarkerInFrontOfTheRealMetadataDoesNotHideIt(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        bytes.write("junk {\"model_type\": \"decoy\", \"unclosed\": [1, 2".getBytes(StandardCharsets.US_ASCII));
        bytes.write("{\"model_type\": \"llama\", \"params\": [{\"name\": \"w\", \"shape\": [4, 8], \"dtype\": \"float16\"}],"
                .getBytes(StandardCharsets.US_ASCII));
        bytes.write(" \"memory_usage\": {\"prefill\": 1000, \"decode\": 10}}".getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[]{0, 6, 0, 0, 0, 0, 0, 0, 0, 'v', 'u', 'l', 'k', 'a', 'n', 0});
        Path lib = dir.resolve("fake.so");
        Files.write(lib, bytes.toByteArray());

        Artifact.Metadata read = LibraryFiles.read(lib, Map.of());

        // 4 × 8 float16 = 64 bytes; the largest function is prefill
        assertThat(read.metadata().paramsBytes()).hasValue(64);
        assertThat(read.metadata().tempFuncBytes()).hasValue(1000);
        assertThat(read.library().orElseThrow().target()).hasValue("vulkan");
    }

    @Test
    void aLibraryWithoutMetadataIsNamedInOneLine(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("plain.so");
        Files.write(lib, new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 1, 2, 3});

        assertThatThrownBy(() -> LibraryFiles.read(lib, Map.of()))
                .isInstanceOf(InputException.class)
                .hasMessage("plain.so: is an ELF shared library without MLC model metadata (is it a library made by "
                        + "mlc_llm compile?)");
    }
}
