package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameter bytes of every real compiled library in {@code shared/mlc-libs-dev/} (rules §0, §1.1): the
 * expected number is Σ itemsize × Π shape over the library's own {@code params} list (symbolic
 * {@code "vocab_size"} resolved from the reconstructed config), the actual one our layout of the
 * reconstructed config. The reconstructed configs use normalized keys (README of that folder), so the
 * geometry is built here directly from them; the only translation is Qwen (v1), whose config's
 * {@code intermediate_size} is gate_up rows / 2 while MLC's QWenConfig takes HF's value (both halves), and
 * StableLM 2, whose reconstructed config omits HF's {@code "use_qkv_bias": true}
 * (stabilityai/stablelm-2-zephyr-1_6b config.json).
 */
class CompiledLibraryParamsTest {

    private static final Path LIBS = Path.of("/work/shared/mlc-libs-dev");

    static Stream<String> libraries() throws IOException {
        if (!Files.isDirectory(LIBS)) {
            return Stream.of("(no library folder)");
        }
        try (Stream<Path> files = Files.list(LIBS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void layoutReproducesTheLibrarysParams(String file) {
        Assumptions.assumeTrue(Files.isDirectory(LIBS), "shared/mlc-libs-dev is not on this machine");
        JsonNode lib = Json.readFile(LIBS.resolve(file));
        JsonNode config = Json.readFile(LIBS.resolve("configs").resolve(file.replaceAll("\\.json$", ".config.json")));
        long vocab = config.get("vocab_size").asLong();
        long expected = 0;
        for (JsonNode param : lib.get("params")) {
            long elements = 1;
            for (JsonNode dim : param.get("shape")) {
                elements *= dim.isTextual() ? vocab : dim.asLong();
            }
            expected += elements * itemsize(param.get("dtype").asText());
        }
        ModelGeometry g = geometry(config);
        Quantization q = Quantization.require(lib.get("quantization").asText());
        assertThat(ParameterBytes.of(g, q, lib.get("tensor_parallel_shards").asInt())).isEqualTo(expected);
    }

    private static ModelGeometry geometry(JsonNode c) {
        String type = c.get("model_type").asText();
        ModelFamily family = ModelFamily.fromModelType(type);
        int intermediate = c.get("intermediate_size").asInt();
        if (family == ModelFamily.QWEN) {
            intermediate *= 2;
        }
        int context = c.get("max_position_embeddings").asInt();
        ArchitectureDetails details = switch (family) {
            case GPT2 -> ArchitectureDetails.NONE.withTables(context, 0);
            case BERT -> ArchitectureDetails.NONE.withTables(context, 2);
            case STABLELM -> ArchitectureDetails.NONE.withBiases(true, false);
            default -> ArchitectureDetails.NONE;
        };
        return new ModelGeometry(type, family, c.get("num_hidden_layers").asInt(), c.get("num_attention_heads").asInt(),
                c.get("num_key_value_heads").asInt(), c.get("head_dim").asInt(), c.get("hidden_size").asInt(),
                intermediate, c.get("vocab_size").asInt(), c.get("tie_word_embeddings").asBoolean(), false, details);
    }

    private static int itemsize(String dtype) {
        return switch (dtype) {
            case "uint32", "float32", "int32" -> 4;
            case "float16", "bfloat16" -> 2;
            case "int8", "uint8", "float8_e4m3fn", "float8_e5m2" -> 1;
            default -> throw new IllegalArgumentException("dtype " + dtype);
        };
    }
}
