package dev.kvlens.model.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real compiled-library metadata of {@code shared/mlc-libs-dev/} (rules §0, §4.3.5) turned into planner
 * inputs as the folder's README says: the reconstructed config, S = {@code prefill_chunk_size}, B =
 * {@code max_batch_size} (absent: 1 when {@code batch_decode} = {@code decode}, else 80), TP, the target from the
 * file name, a from the scheme name.
 */
final class MlcLibraryCorpus {

    static final Path DIR = Path.of(System.getProperty("kvlens.mlcLibsDev", "../shared/mlc-libs-dev"))
            .toAbsolutePath().normalize();

    /** Model types in the folder that §4.3 does not model (README: use them for import and parameter tests). */
    static final Set<String> NOT_MODELLED = Set.of("bert", "gpt2", "stablelm", "qwen");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One library.
     *
     * @param file        its file name
     * @param input       the planner input reconstructed from the config and metadata
     * @param memoryUsage the library's own {@code memory_usage}
     */
    record Library(String file, PlannerInput input, Map<String, Long> memoryUsage) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** Every paged-era library of the nine families; the legacy effect-KV builds and {@link #NOT_MODELLED} left out. */
    static List<Library> pagedLibraries() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .map(MlcLibraryCorpus::read)
                    .filter(lib -> lib != null)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Library read(Path path) {
        String file = path.getFileName().toString();
        JsonNode meta = json(path);
        String type = meta.get("model_type").asText();
        Map<String, Long> usage = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : meta.get("memory_usage").properties()) {
            usage.put(e.getKey(), e.getValue().asLong());
        }
        if (NOT_MODELLED.contains(type) || usage.containsKey("_initialize_effect")) {
            return null;
        }
        JsonNode config = json(DIR.resolve("configs").resolve(file.replaceAll("\\.json$", ".config.json")));
        String quantization = meta.get("quantization").asText();
        int batch = meta.has("max_batch_size") ? meta.get("max_batch_size").asInt()
                : usage.get("batch_decode").equals(usage.get("decode")) ? 1 : 80;
        boolean webLlmEarly = !file.startsWith("web-llm-models__") || file.startsWith("web-llm-models__v0_2_30__")
                || file.startsWith("web-llm-models__v0_2_34__");
        boolean earlyQ4Phi = type.startsWith("phi") && !type.equals("phi3") && quantization.startsWith("q4")
                && webLlmEarly;
        PlannerInput input = new PlannerInput(type, config.get("hidden_size").asInt(),
                config.get("intermediate_size").asInt(), config.get("num_attention_heads").asInt(),
                config.get("num_key_value_heads").asInt(), config.get("head_dim").asInt(),
                config.get("vocab_size").asInt(), config.get("num_hidden_layers").asInt(),
                config.get("tie_word_embeddings").asBoolean(), quantization.contains("f32") ? 4 : 2,
                meta.get("prefill_chunk_size").asInt(), batch, meta.get("tensor_parallel_shards").asInt(),
                target(file), 0, functions(usage), earlyQ4Phi);
        return new Library(file, input, usage);
    }

    private static PlannerTarget target(String file) {
        if (file.endsWith("-webgpu.wasm.json")) {
            return PlannerTarget.WEBGPU;
        } else if (file.endsWith("-android.tar.json")) {
            return PlannerTarget.ANDROID;
        } else if (file.endsWith("-iphone.tar.json")) {
            return PlannerTarget.IPHONE;
        } else if (file.endsWith("-mali.so.json")) {
            return PlannerTarget.MALI;
        }
        throw new IllegalArgumentException("no target in the file name " + file);
    }

    private static BuildFunctions functions(Map<String, Long> usage) {
        if (!usage.containsKey("alloc_embedding_tensor")) {
            return BuildFunctions.EARLY;
        } else if (usage.containsKey("batch_get_logits")) {
            return BuildFunctions.HIDDEN_STATES_V0_2_34;
        } else if (usage.containsKey("gather_hidden_states")) {
            return BuildFunctions.HIDDEN_STATES;
        }
        return BuildFunctions.STANDARD;
    }
}
