package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.fail;

/**
 * The model-folder reader against 10,000 generated junk folders (files where folders belong, garbage bytes, mutated
 * configs, links back to their own folder), with the generators and the seed of {@link ModelFilesHostileInputTest}:
 * each folder is read or refused in one clear line naming it. A class of its own so the two run side by side.
 */
class ModelFoldersHostileInputTest {

    @Test
    void foldersFullOfJunkGiveOneLine(@TempDir Path dir) throws IOException {
        Random random = new Random(ModelFilesHostileInputTest.SEED + 2);
        String[] names = {"mlc-chat-config.json", "config.json", "tensor-cache.json", "ndarray-cache.json", "x.bin"};
        for (int i = 0; i < ModelFilesHostileInputTest.CASES; i++) {
            Path folder = Files.createDirectories(dir.resolve("m" + i));
            for (String name : names) {
                switch (random.nextInt(5)) {
                    case 0 -> Files.createDirectories(folder.resolve(name)); // a folder where a file belongs
                    case 1 -> Files.write(folder.resolve(name), ModelFilesHostileInputTest.randomBytes(random, random.nextInt(200)));
                    case 2 -> Files.writeString(folder.resolve(name), ModelFilesHostileInputTest.mutateJson(random,
                            "{\"model_type\": \"llama\", \"model_config\": {\"num_hidden_layers\": 2}, \"records\": []}"));
                    case 3 -> Files.createSymbolicLink(folder.resolve(name), folder); // a link back to its own folder
                    default -> { }
                }
            }
            try {
                ModelFolders.read(folder);
            } catch (InputException e) {
                ModelFilesHostileInputTest.assertCleanLine(e, "", i, folder.toString().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException | AssertionError e) {
                fail("seed " + (ModelFilesHostileInputTest.SEED + 2) + ", folder " + i + ": " + e, e);
            }
        }
    }
}
