package dev.kvlens.model;

import java.util.Optional;

/** Something read from a file or pasted text: one of the MLC artifacts KV Lens understands. */
public sealed interface Artifact {

    /** Where it came from (a file name, or "clipboard"). */
    String source();

    /** An {@code mlc-chat-config.json} or a Hugging Face {@code config.json}. */
    record ModelConfig(String source, ModelDescription description, Optional<String> modelLocation) implements Artifact {
    }

    /** The JSON of {@code mlc_llm.cli.model_metadata <lib>}. */
    record Metadata(String source, LibraryMetadata metadata) implements Artifact {
    }

    /** Text MLC printed: a compile report, engine lines, or both. */
    record Log(String source, PrintedLog log) implements Artifact {
    }

    /** A saved KV Lens scenario. */
    record SavedScenario(String source, ScenarioDocument document) implements Artifact {
    }
}
