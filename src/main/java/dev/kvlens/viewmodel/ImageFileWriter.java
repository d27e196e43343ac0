package dev.kvlens.viewmodel;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes an image to a file; the app supplies the PNG writer of the io layer. */
@FunctionalInterface
public interface ImageFileWriter {
    void write(RenderedImage image, Path path) throws IOException;
}
