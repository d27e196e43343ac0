package dev.kvlens.io;

import dev.kvlens.SharedData;
import dev.kvlens.model.scenario.Artifact;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The library and model-folder readers against 10,000 generated hostile inputs each (a seeded loop: a failure prints
 * the seed, the case number and the input's first bytes): truncated and garbled binaries, decoy metadata, several
 * candidate JSONs, NUL-cut strings, tar headers with absurd sizes, gzip bombs' beginnings (the junk folders are
 * {@link ModelFoldersHostileInputTest}, which runs beside this one). Every input must give metadata with sane figures or one clear line naming the source — nothing else may escape.
 */
class ModelFilesHostileInputTest {

    static final int CASES = 10_000;
    static final long SEED = Long.getLong("kvlens.seed", 20261201L);

    @Test
    void theLibraryReaderSurvivesGeneratedBinaries() throws IOException {
        byte[] metadata = Files.readString(SharedData.path(
                        "mlc-libs-dev/web-llm-models__v0_2_43__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm.json"))
                .replaceAll("\\s*\\n\\s*", " ").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        int read = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = library(random, metadata);
            try {
                Artifact.Metadata m = LibraryFiles.read("case-" + i + ".so", new ByteArrayInputStream(input), Map.of());
                read++;
                m.metadata().paramsBytes().ifPresent(b -> assertThat(b).isNotNegative());
                m.metadata().functionBytes().values().forEach(b -> assertThat(b).isNotNegative());
            } catch (InputException e) {
                assertCleanLine(e, "case-" + i + ".so: ", i, input);
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + SEED + ", case " + i + ", input " + head(input) + ": " + e, e);
            }
        }
        // the generator keeps the real metadata intact in about a third of the cases
        assertThat(read).isBetween(CASES / 10, CASES - CASES / 10);
    }

    @Test
    void theTensorCacheReaderSurvivesGeneratedJson() {
        Random random = new Random(SEED + 1);
        String valid = "{\"metadata\": {\"ParamBytes\": 12.0}, \"records\": [{\"dataPath\": \"params_shard_0.bin?partitions=4\","
                + " \"records\": [{\"name\": \"w\", \"shape\": [2, 3], \"dtype\": \"float16\", \"nbytes\": 12}]}]}";
        for (int i = 0; i < CASES; i++) {
            String text = mutateJson(random, valid);
            try {
                long bytes = TensorCache.parameterBytes("tensor-cache.json", Json.parse("tensor-cache.json", text), 1000);
                assertThat(bytes).isNotNegative();
            } catch (InputException e) {
                assertCleanLine(e, "tensor-cache.json: ", i, text.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + (SEED + 1) + ", case " + i + ", input " + text + ": " + e, e);
            }
        }
    }

    static void assertCleanLine(InputException e, String prefix, int i, byte[] input) {
        String message = e.getMessage();
        if (!message.startsWith(prefix) || message.contains("\n") || message.contains("Exception")
                || message.contains("java.") || message.contains("com.fasterxml")) {
            fail("seed " + SEED + ", case " + i + ", input " + head(input) + ": unclear message: " + message);
        }
    }

    /** One generated library: a form, the real metadata (whole, cut, garbled, doubled or decoyed), junk around it. */
    private static byte[] library(Random random, byte[] metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] heads = {{0x7f, 'E', 'L', 'F'}, {0, 'a', 's', 'm'}, {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
                {'M', 'Z'}, {}};
        out.write(heads[random.nextInt(heads.length)]);
        out.write(randomBytes(random, random.nextInt(2000)));
        byte[] meta = switch (random.nextInt(8)) {
            case 0, 1, 2 -> metadata;
            case 3 -> Arrays.copyOf(metadata, random.nextInt(metadata.length)); // truncated
            case 4 -> flip(random, metadata.clone());
            case 5 -> "{\"model_type\": \"decoy\", \"memory_usage\": {}}".getBytes(StandardCharsets.US_ASCII);
            case 6 -> ("{\"model_type\": \"x\", \"s\": \"" + "{".repeat(random.nextInt(5000)) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            default -> ("{\"model_type\"" + "[".repeat(random.nextInt(100))).getBytes(StandardCharsets.US_ASCII);
        };
        if (random.nextInt(4) == 0) {
            out.write("{\"model_type\": \"llama\", \"params\": [".getBytes(StandardCharsets.US_ASCII)); // unclosed decoy
        }
        out.write(meta);
        if (random.nextInt(3) == 0) {
            out.write(0);
            out.write(metadata); // a second candidate
        }
        out.write(new byte[]{0, (byte) (3 + random.nextInt(5)), 0, 0, 0, 0, 0, 0, 0});
        out.write("cudametalopencl".getBytes(StandardCharsets.US_ASCII), random.nextInt(10), 4);
        out.write(randomBytes(random, random.nextInt(2000)));
        byte[] body = out.toByteArray();
        return switch (random.nextInt(6)) {
            case 0 -> tar(random, body);
            case 1 -> gzip(random.nextBoolean() ? tar(random, body) : body, random);
            default -> body;
        };
    }

    private static byte[] tar(Random random, byte[] member) {
        byte[] header = new byte[512];
        byte[] name = "lib0_devc.o".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, header, 0, name.length);
        long size = random.nextInt(5) == 0 ? random.nextLong() & 0x7fffffffffL : member.length;
        String octal = random.nextInt(10) == 0 ? "9z" : String.format("%011o", size);
        byte[] sizeBytes = octal.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(sizeBytes, 0, header, 124, Math.min(11, sizeBytes.length));
        header[156] = (byte) (random.nextInt(8) == 0 ? '5' : '0');
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(member);
        out.writeBytes(new byte[(512 - member.length % 512) % 512 + (random.nextBoolean() ? 1024 : 0)]);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        byte[] packed = out.toByteArray();
        return random.nextInt(4) == 0 ? Arrays.copyOf(packed, random.nextInt(packed.length)) : packed;
    }

    static String mutateJson(Random random, String valid) {
        Function<String, String> mutation = switch (random.nextInt(7)) {
            case 0 -> s -> s.substring(0, random.nextInt(s.length()));
            case 1 -> s -> s.replace("12", random.nextBoolean() ? "-5" : "99999999999999999999999");
            case 2 -> s -> s.replace("\"nbytes\": 12", "\"nbytes\": " + (random.nextBoolean() ? "\"lots\"" : "1.5e300"));
            case 3 -> s -> s.replace("[{\"name\"", "[" + "{\"name\": \"a\", \"nbytes\": 9223372036854775807}, ".repeat(3)
                    + "{\"name\"");
            case 4 -> s -> s.replace("records", random.nextBoolean() ? "recs" : "records\": 1, \"x");
            case 5 -> s -> new String(randomBytes(random, random.nextInt(100)), StandardCharsets.ISO_8859_1);
            default -> s -> s;
        };
        return mutation.apply(valid);
    }

    private static byte[] flip(Random random, byte[] bytes) {
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String head(byte[] input) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(48, input.length); i++) {
            s.append(String.format("%02x", input[i] & 0xff));
        }
        return s + " (" + input.length + " bytes)";
    }
}
