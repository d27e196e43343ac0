package dev.kvlens.viewmodel;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** Exports a rendered chart off the FX thread; the window stays responsive and nothing is lost on failure. */
public final class ExportCommand {

    private final ImageFileWriter writer;
    private final Executor executor;

    public ExportCommand(ImageFileWriter writer, Executor executor) {
        this.writer = writer;
        this.executor = executor;
    }

    /** Writes the image; the future fails with the writer's exception (its message names the problem). */
    public CompletableFuture<Path> exportPng(RenderedImage image, Path path) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                writer.write(image, path);
                return path;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
