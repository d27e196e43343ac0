package dev.kvlens.model.scenario;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.model.planner.PlannerTarget;

import java.util.Objects;
import java.util.Optional;

/**
 * One of MLC's {@code additional_models} (a draft model, Eagle or Medusa heads; rules §3.8) as the user added it:
 * the model with its own compile-time limits and chat-config values, its own scheme, and measured byte counts when
 * known (a model folder's tensor cache gives the parameters; empty = computed, and the §4.2 heuristic), and the
 * folder {@code mlc_llm serve --additional-models} takes for it, when known.
 */
public record AdditionalModel(ModelDescription description, Quantization scheme, Optional<ByteFigure> paramsBytes,
                              Optional<ByteFigure> tempFuncBytes, Optional<String> location) {

    public AdditionalModel {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(paramsBytes, "paramsBytes");
        Objects.requireNonNull(tempFuncBytes, "tempFuncBytes");
        Objects.requireNonNull(location, "location");
    }

    /** A model whose folder is not known. */
    public AdditionalModel(ModelDescription description, Quantization scheme, Optional<ByteFigure> paramsBytes,
                           Optional<ByteFigure> tempFuncBytes) {
        this(description, scheme, paramsBytes, tempFuncBytes, Optional.empty());
    }

    /** The same model, found in {@code folder}. */
    public AdditionalModel at(String folder) {
        return new AdditionalModel(description, scheme, paramsBytes, tempFuncBytes, Optional.of(folder));
    }

    /** What {@code mlc_llm serve} needs of it (rules §3.8; {@link MlcCommands}). */
    public MlcCommands.Additional serveArgument() {
        return new MlcCommands.Additional(location, description.id() + "-" + scheme.name(), description.geometry().modelType());
    }

    /**
     * The model as its chat config names it: the scheme must be in the config (MLC reads each model's own).
     *
     * @throws IllegalArgumentException naming the source when the config names no scheme
     */
    public static AdditionalModel of(ModelDescription description, Optional<ByteFigure> params) {
        Quantization scheme = description.quantization().orElseThrow(() -> new dev.kvlens.text.PhrasedException("model.check.additionalScheme",
                description.source()));
        return new AdditionalModel(description, scheme, params, Optional.empty());
    }

    /** The compiled library MLC would load for it, for {@code target} (rules §3.8: each keeps its own limits). */
    public ModelLibrary library(PlannerTarget target) {
        try {
            return ModelLibrary.build(description, scheme, description.compile(), paramsBytes.orElse(null),
                    tempFuncBytes.orElse(null), target);
        } catch (IllegalArgumentException e) {
            throw new dev.kvlens.text.PhrasedException(dev.kvlens.text.Phrase.of("error.input", description.source(),
                    e instanceof dev.kvlens.text.Phrased p && p.phrase() != null ? p.phrase()
                            : dev.kvlens.text.Phrase.of("text.verbatim", String.valueOf(e.getMessage()))));
        }
    }
}
