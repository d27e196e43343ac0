package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import java.util.Objects;
import java.util.Optional;

/**
 * A model as a preset, an {@code mlc-chat-config.json} or a Hugging Face {@code config.json} describes it:
 * geometry, compile-time limits, chat-config values and, when the source names it, the quantization.
 *
 * @param id            a stable identifier (preset id or file name)
 * @param name          a label for people
 * @param geometry      the architecture
 * @param quantization  the scheme the source names, if any
 * @param compile       compile-time limits (gen_config defaults for presets and HF configs)
 * @param chatConfig    runtime values of the chat config
 * @param source        where the description came from
 */
public record ModelDescription(
        String id,
        String name,
        ModelGeometry geometry,
        Optional<Quantization> quantization,
        CompileConfig compile,
        ChatConfigValues chatConfig,
        String source) {

    public ModelDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(compile, "compile");
        Objects.requireNonNull(chatConfig, "chatConfig");
        Objects.requireNonNull(source, "source");
    }

    /** The same model compiled with other limits (the chat config follows, as gen_config would write it). */
    public ModelDescription withCompile(CompileConfig newCompile) {
        ChatConfigValues chat = newCompile.equals(compile) ? chatConfig : ChatConfigValues.matching(newCompile);
        return new ModelDescription(id, name, geometry, quantization, newCompile, chat, source);
    }

    /**
     * The library this description compiles to with a scheme: parameter bytes from the layout, the
     * temporary buffer from the heuristic, chat-config values as read.
     */
    public ModelLibrary library(Quantization scheme) {
        return ModelLibrary.of(name, geometry, scheme, compile).withChatConfig(chatConfig);
    }
}
