package dev.kvlens.io;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes PNG files atomically: a temporary file next to the target, then a move over it. */
public final class PngWriter {

    private PngWriter() {
    }

    /**
     * Writes an image as PNG.
     *
     * @throws IOException with a message naming the file when it cannot be written
     */
    public static void write(RenderedImage image, Path target) throws IOException {
        AtomicFiles.write(target, ".png", temp -> {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
