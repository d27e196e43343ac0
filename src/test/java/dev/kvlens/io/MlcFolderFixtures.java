package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds MLC weights folders for tests from a real library's metadata (../shared/mlc-libs-dev): a tensor cache in the
 * format {@code mlc_llm convert_weight} writes, whose records are exactly the library's params, and an
 * mlc-chat-config.json from the reconstructed config and the library's limits.
 */
final class MlcFolderFixtures {

    private MlcFolderFixtures() {
    }

    /** Writes the folder; {@code cacheName} is tensor-cache.json or ndarray-cache.json. */
    static Path weightsFolder(Path folder, String libraryJson, String cacheName) throws IOException {
        JsonNode lib = Json.readFile(SharedData.path("mlc-libs-dev/" + libraryJson));
        JsonNode config = Json.readFile(SharedData.path("mlc-libs-dev/configs/"
                + libraryJson.replaceAll("\\.json$", "") + ".config.json"));
        long vocab = config.get("vocab_size").asLong();
        Files.createDirectories(folder);

        ObjectNode cache = Json.mapper().createObjectNode();
        ArrayNode shards = cache.putArray("records");
        long total = 0;
        int index = 0;
        for (JsonNode param : lib.get("params")) {
            long n = param.get("dtype").asText().equals("float16") ? 2 : 4;
            for (JsonNode dim : param.get("shape")) {
                n *= dim.isTextual() ? vocab : dim.asLong();
            }
            // one parameter per shard, as convert_weight does for large tensors; the query suffix occurs in real caches
            ObjectNode shard = shards.addObject();
            shard.put("dataPath", "params_shard_" + index++ + ".bin?partitions=4");
            shard.put("format", "raw-shard");
            shard.put("nbytes", n);
            ObjectNode record = shard.putArray("records").addObject();
            record.put("name", param.get("name").asText());
            record.set("shape", param.get("shape"));
            record.put("dtype", param.get("dtype").asText());
            record.put("format", "f32-to-bf16");
            record.put("nbytes", n);
            record.put("byteOffset", 0);
            total += n;
        }
        ObjectNode meta = cache.putObject("metadata");
        meta.put("ParamSize", index);
        meta.put("ParamBytes", (double) total); // MLC writes this one as a float
        Files.writeString(folder.resolve(cacheName), Json.mapper().writeValueAsString(cache));

        ObjectNode chat = Json.mapper().createObjectNode();
        chat.put("model_type", lib.get("model_type").asText());
        chat.put("quantization", lib.get("quantization").asText());
        ObjectNode model = chat.putObject("model_config");
        config.fieldNames().forEachRemaining(f -> model.set(f, config.get(f)));
        model.put("context_window_size", lib.get("context_window_size").asInt());
        model.put("prefill_chunk_size", lib.get("prefill_chunk_size").asInt());
        model.put("max_batch_size", lib.path("max_batch_size").asInt(80));
        chat.put("vocab_size", vocab);
        chat.put("context_window_size", lib.get("context_window_size").asInt());
        chat.put("prefill_chunk_size", lib.get("prefill_chunk_size").asInt());
        chat.put("tensor_parallel_shards", 1);
        Files.writeString(folder.resolve("mlc-chat-config.json"), Json.mapper().writeValueAsString(chat));
        return folder;
    }
}
