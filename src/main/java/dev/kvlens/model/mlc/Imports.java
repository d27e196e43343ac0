package dev.kvlens.model.mlc;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Mib;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.text.Phrase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns imported MLC artifacts into inputs: compile-time limits for the model, and measured parameter and
 * temporary-buffer bytes with where they came from.
 */
public final class Imports {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

    private Imports() {
    }

    /**
     * What an import changes.
     *
     * @param model  the model with the artifact's compile-time limits
     * @param params measured parameter bytes, when the artifact gives better ones than the layout
     * @param temp   measured max per-function temporary bytes
     * @param notes  what was taken from where, and disagreements
     */
    public record Applied(ModelDescription model, Optional<ByteFigure> params, Optional<ByteFigure> temp,
                          List<Phrase> notes) {
        public Applied {
            notes = List.copyOf(notes);
        }
    }

    /** Applies a compile log: limits from "Registering metadata", the temporary buffer, a parameter check. */
    public static Applied compileLog(ModelDescription model, Quantization scheme, PrintedLog.Compile log, String source) {
        List<Phrase> notes = new ArrayList<>();
        ModelDescription limited = CompileLimits.apply(model, log.metadata());
        if (!log.metadata().isEmpty()) {
            notes.add(Phrase.of("model.import.limitsFrom", source));
        }
        Optional<ByteFigure> temp = log.tempMib().map(mib -> figure(mib, Phrase.of("model.figure.logTemp",
                mib.toPlainString(), source)));
        if (temp.isEmpty()) {
            temp = log.largestFunction().map(f -> figure(f.getValue(), Phrase.of("model.figure.logFunction",
                    f.getKey(), f.getValue().toPlainString(), source)));
        }
        temp.ifPresent(t -> notes.add(Phrase.of("model.import.tempFrom", source, t.note())));
        Optional<ByteFigure> params = Optional.empty();
        if (log.paramsMib().isPresent()) {
            BigDecimal printed = log.paramsMib().get();
            if (!limited.geometry().family().hasKnownLayout()) {
                params = Optional.of(figure(printed, Phrase.of("model.figure.logParams", printed.toPlainString(), source)));
                notes.add(Phrase.of("model.import.paramsFrom", source, limited.geometry().modelType()));
            } else {
                long ours = ParameterBytes.of(limited.geometry(), scheme, limited.compile().tensorParallelShards());
                String oursText = Mib.format(ours, printed.scale());
                if (!oursText.equals(printed.toPlainString())) {
                    params = Optional.of(figure(printed, Phrase.of("model.figure.logParams", printed.toPlainString(), source)));
                    notes.add(Phrase.of("model.import.paramsDiffer", printed.toPlainString(), scheme.name(),
                            oursText));
                }
            }
        }
        return new Applied(limited, params, temp, notes);
    }

    /** Applies library metadata: exact bytes and limits. */
    public static Applied metadata(ModelDescription model, LibraryMetadata metadata, String source) {
        List<Phrase> notes = new ArrayList<>();
        ModelDescription limited = CompileLimits.apply(model, metadata.limits());
        Optional<ByteFigure> params = metadata.paramsBytes().isPresent()
                ? Optional.of(ByteFigure.fromFile(metadata.paramsBytes().getAsLong(), source))
                : Optional.empty();
        if (!metadata.unresolved().isEmpty()) {
            notes.add(Phrase.of("model.import.unresolved", source, String.valueOf(metadata.unresolved())));
        }
        Optional<ByteFigure> temp = metadata.tempFuncBytes().isPresent()
                ? Optional.of(ByteFigure.given(metadata.tempFuncBytes().getAsLong(),
                        Phrase.of("model.figure.memoryUsage", source)))
                : Optional.empty();
        metadata.kvCache().ifPresent(kv -> {
            KvCacheGeometry ours = limited.geometry().kvCache(limited.compile().tensorParallelShards());
            if (!ours.equals(kv)) {
                notes.add(Phrase.of("model.import.kvDiffers", String.valueOf(kv), String.valueOf(ours)));
            }
        });
        return new Applied(limited, params, temp, notes);
    }

    private static ByteFigure figure(BigDecimal mib, Phrase detail) {
        return ByteFigure.given(mib.multiply(MIB).setScale(0, RoundingMode.HALF_EVEN).longValueExact(), detail);
    }
}
