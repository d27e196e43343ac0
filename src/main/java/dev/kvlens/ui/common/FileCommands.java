package dev.kvlens.ui.common;

import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import dev.kvlens.text.Phrased;
import dev.kvlens.text.Phrases;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * File reads and writes off the FX thread: the window stays responsive on a large file, and a failure leaves
 * the current scenario as it was. Futures fail with the service's exception (its message is user-facing).
 */
public final class FileCommands {

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private final FileService files;
    private final Executor executor;

    public FileCommands(FileService files, Executor executor) {
        this.files = files;
        this.executor = executor;
    }

    public CompletableFuture<Artifact> read(Path path, Map<String, Long> symbols) {
        return async(() -> files.read(path, symbols));
    }

    public CompletableFuture<Artifact> parse(String source, String text, Map<String, Long> symbols) {
        return async(() -> files.parse(source, text, symbols));
    }

    /** What is installed on this machine, searched off the FX thread. */
    public CompletableFuture<List<InstalledModel>> installedModels() {
        return async(files::installedModels);
    }

    /** The caches searched. */
    public List<Path> modelCaches() {
        return files.modelCaches();
    }

    public CompletableFuture<Path> exportPng(RenderedImage image, Path path) {
        return async(() -> {
            files.writePng(image, path);
            return path;
        });
    }

    public CompletableFuture<Path> saveScenario(ScenarioDocument document, Path path) {
        return async(() -> {
            files.writeScenario(document, path);
            return path;
        });
    }

    public CompletableFuture<Path> exportCsv(Estimate estimate, Path path) {
        return async(() -> {
            files.writeCsv(estimate, path);
            return path;
        });
    }

    public CompletableFuture<Path> exportJson(Estimate estimate, Path path) {
        return async(() -> {
            files.writeJson(estimate, path);
            return path;
        });
    }

    private <T> CompletableFuture<T> async(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** The user-facing message of a failed future. */
    public static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ArithmeticException) {
            return Messages.get("viewmodel.tooLarge");
        }
        if (cause instanceof java.nio.file.AccessDeniedException denied) {
            return Messages.get("file.permissionDenied", denied.getFile());
        }
        if (cause instanceof java.nio.file.FileSystemException fs) {
            // the reason is the operating system's own words
            return fs.getReason() == null ? Messages.get("file.cannotReadOrWrite", fs.getFile())
                    : Messages.get("io.problem.status", fs.getFile(), fs.getReason());
        }
        // a file's problem is said in the user's language (its phrase); any other by its message
        return cause instanceof Phrased || cause.getMessage() != null ? Phrases.message(Language.locale(), cause) : Messages.get("file.failed");
    }
}
