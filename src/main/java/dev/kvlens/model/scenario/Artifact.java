package dev.kvlens.model.scenario;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.LibraryMetadata;
import dev.kvlens.model.mlc.LibraryOrigin;
import dev.kvlens.model.mlc.PrintedLog;
import java.util.Optional;

/** Something read from a file or pasted text: one of the MLC artifacts KV Lens understands. */
public sealed interface Artifact {

    /** Where it came from (a file name, or "clipboard"). */
    String source();

    /** An {@code mlc-chat-config.json} or a Hugging Face {@code config.json}. */
    record ModelConfig(String source, ModelDescription description, Optional<String> modelLocation) implements Artifact {
    }

    /**
     * Library metadata: the JSON of {@code mlc_llm.cli.model_metadata <lib>}, or read from the compiled library itself
     * (then {@code library} says which file, form and target).
     */
    record Metadata(String source, LibraryMetadata metadata, Optional<LibraryOrigin> library) implements Artifact {
        public Metadata(String source, LibraryMetadata metadata) {
            this(source, metadata, Optional.empty());
        }
    }

    /**
     * A model folder: an MLC weights folder ({@code mlc-chat-config.json} with its tensor cache) or a Hugging Face
     * model folder ({@code config.json}).
     *
     * @param params       parameter bytes summed over the tensor cache's records, when the folder has one
     * @param weightsDtype  a Hugging Face checkpoint's dominant weight dtype and the safetensors file that says so
     *                      ({@code BF16 (model-00001-of-00004.safetensors)}), when the folder has one
     */
    record ModelFolder(String source, ModelDescription description, Optional<ByteFigure> params,
                       Optional<String> modelLocation, Optional<String> weightsDtype) implements Artifact {
        public ModelFolder(String source, ModelDescription description, Optional<ByteFigure> params,
                           Optional<String> modelLocation) {
            this(source, description, params, modelLocation, Optional.empty());
        }
    }

    /** Text MLC printed: a compile report, engine lines, or both. */
    record Log(String source, PrintedLog log) implements Artifact {
    }

    /** A saved KV Lens scenario. */
    record SavedScenario(String source, ScenarioDocument document) implements Artifact {
    }
}
