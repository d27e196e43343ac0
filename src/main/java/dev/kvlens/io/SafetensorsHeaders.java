package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The dtype a Hugging Face checkpoint stores its weights in, from a safetensors header: an 8-byte little-endian length,
 * then that many bytes of JSON naming each tensor's dtype and shape. The first shard is found through
 * {@code model.safetensors.index.json}'s weight map, or is {@code model.safetensors}; only the header is read.
 */
final class SafetensorsHeaders {

    /** The dtype with the most elements, and the file it was read from. */
    record WeightsDtype(String dtype, String file) {
    }

    private static final long MAX_HEADER_BYTES = 16L * 1024 * 1024;

    private SafetensorsHeaders() {
    }

    /** The checkpoint's dominant dtype, or empty when there is no safetensors file or its header cannot be read. */
    static Optional<WeightsDtype> of(Path folder) {
        try {
            Optional<Path> shard = firstShard(folder);
            if (shard.isEmpty()) {
                return Optional.empty();
            }
            return dominant(header(shard.get())).map(d -> new WeightsDtype(d, shard.get().getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the dtype is a note, never a reason to refuse the folder
        }
    }

    private static Optional<Path> firstShard(Path folder) {
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            Iterator<JsonNode> files = Json.readFile(index).path("weight_map").elements();
            if (files.hasNext()) {
                String name = files.next().asText();
                Path shard = folder.resolve(name).normalize();
                // a weight map naming a file outside the folder is not followed
                return shard.startsWith(folder.normalize()) && Files.isRegularFile(shard) ? Optional.of(shard) : Optional.empty();
            }
        }
        Path single = folder.resolve("model.safetensors");
        return Files.isRegularFile(single) ? Optional.of(single) : Optional.empty();
    }

    private static JsonNode header(Path shard) throws IOException {
        try (InputStream in = Files.newInputStream(shard)) {
            byte[] size = in.readNBytes(8);
            if (size.length < 8) {
                throw new IOException("no header");
            }
            long n = 0;
            for (int i = 7; i >= 0; i--) {
                n = (n << 8) | (size[i] & 0xff);
            }
            if (n <= 0 || n > MAX_HEADER_BYTES) {
                throw new IOException("header size " + n);
            }
            byte[] json = in.readNBytes((int) n);
            return Json.parse(shard.getFileName().toString(), new String(json, StandardCharsets.UTF_8));
        }
    }

    private static Optional<String> dominant(JsonNode header) {
        Map<String, Long> elements = new HashMap<>();
        header.properties().forEach(e -> {
            if (!e.getKey().equals("__metadata__") && e.getValue().has("dtype")) {
                long count = 1;
                for (JsonNode dim : e.getValue().path("shape")) {
                    count = Math.multiplyExact(count, Math.max(0, dim.asLong()));
                }
                elements.merge(e.getValue().get("dtype").asText(), count, Math::addExact);
            }
        });
        return elements.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
