package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.io.HfConfigReader;
import dev.kvlens.io.Json;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's "done when": {@code kvlens estimate --hf-config config.json --quantization Q} works without
 * {@code --params-bytes} for every model type in MLC's registry (rules §10, 47 at 79d603f0), with one config of each
 * in {@code src/test/resources/hf-configs/}. The parameter bytes it prints are the layouts' that
 * {@code RegistryTypesTest} holds against hand arithmetic; Medusa heads are a draft model, estimated next to a main
 * model (rules §3.8).
 */
class CliEveryRegistryTypeTest {

    private static String config(String type) {
        return CliRegistryTypesTest.config(type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelType.class)
    void estimateFromTheConfigAloneGivesTheLayoutsParameterBytes(ModelType type) {
        boolean medusa = type == ModelType.MEDUSA;
        String scheme = medusa ? "q0f16" : "q4f16_1"; // rules §5: Medusa accepts no-quant only
        CliTest.Run r = medusa
                ? CliTest.run("estimate", "--hf-config", config("llama"), "--quantization", "q4f16_1",
                        "--additional-model", medusaChatConfig(), "--gpu-memory-mib", "81920", "--format", "json")
                : CliTest.run("estimate", "--hf-config", config(type.mlcName()), "--quantization", scheme,
                        "--gpu-memory-mib", "81920", "--format", "json");

        assertThat(r.code()).as(r.err()).isIn(0, 3);
        assertThat(r.err()).doesNotContain("--params-bytes is required").doesNotContain("Exception");
        JsonNode out = Json.parse("stdout", r.out());
        JsonNode params = medusa ? out.path("additionalModels").path(0).path("parameters") : out.path("model").path("parameters");
        assertThat(params.path("provenance").asText()).isEqualTo("computed");
        HfConfigReader.Defaults d = HfConfigReader.defaults(type.mlcName() + ".json",
                Json.readResource("/hf-configs/" + type.mlcName() + ".json"));
        assertThat(params.path("bytes").asLong())
                .isEqualTo(ParameterBytes.of(d.geometry(), Quantization.require(scheme), 1));
    }

    /** The medusa config as the mlc-chat-config.json --additional-model takes (its scheme named, as MLC needs). */
    private static String medusaChatConfig() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("medusa");
            com.fasterxml.jackson.databind.node.ObjectNode hf =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.readResource("/hf-configs/medusa.json");
            hf.put("max_batch_size", 128).put("prefill_chunk_size", -1).put("context_window_size", -1);
            com.fasterxml.jackson.databind.node.ObjectNode chat = Json.mapper().createObjectNode();
            chat.put("model_type", "medusa");
            chat.put("quantization", "q0f16");
            chat.set("model_config", hf);
            chat.put("context_window_size", -1);
            chat.put("prefill_chunk_size", -1);
            java.nio.file.Path file = dir.resolve("mlc-chat-config.json");
            java.nio.file.Files.writeString(file, Json.mapper().writeValueAsString(chat));
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
