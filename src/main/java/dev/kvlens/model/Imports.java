package dev.kvlens.model;

import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.Quantization;

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
                          List<String> notes) {
        public Applied {
            notes = List.copyOf(notes);
        }
    }

    /** Applies a compile log: limits from "Registering metadata", the temporary buffer, a parameter check. */
    public static Applied compileLog(ModelDescription model, Quantization scheme, PrintedLog.Compile log, String source) {
        List<String> notes = new ArrayList<>();
        ModelDescription limited = CompileLimits.apply(model, log.metadata());
        if (!log.metadata().isEmpty()) {
            notes.add("compile-time limits from " + source + " (Registering metadata)");
        }
        Optional<ByteFigure> temp = log.tempMib().map(mib -> figure(mib, "Temporary buffer " + mib.toPlainString()
                + " MB in " + source));
        if (temp.isEmpty()) {
            temp = log.largestFunction().map(f -> figure(f.getValue(), "function " + f.getKey() + " "
                    + f.getValue().toPlainString() + " MB in " + source));
        }
        temp.ifPresent(t -> notes.add("temporary buffer from " + source + ": " + t.detail()));
        Optional<ByteFigure> params = Optional.empty();
        if (log.paramsMib().isPresent()) {
            BigDecimal printed = log.paramsMib().get();
            if (!limited.geometry().family().hasKnownLayout()) {
                params = Optional.of(figure(printed, "Parameters " + printed.toPlainString() + " MB in " + source));
                notes.add("parameters from " + source + " (the layout of " + limited.geometry().modelType() + " is not known)");
            } else {
                long ours = ParameterBytes.of(limited.geometry(), scheme, limited.compile().tensorParallelShards());
                String oursText = Mib.format(ours, printed.scale());
                if (!oursText.equals(printed.toPlainString())) {
                    params = Optional.of(figure(printed, "Parameters " + printed.toPlainString() + " MB in " + source));
                    notes.add("the log's parameters (" + printed.toPlainString() + " MB) differ from the " + scheme.name()
                            + " layout (" + oursText + " MB): using the log's");
                }
            }
        }
        return new Applied(limited, params, temp, notes);
    }

    /** Applies library metadata: exact bytes and limits. */
    public static Applied metadata(ModelDescription model, LibraryMetadata metadata, String source) {
        List<String> notes = new ArrayList<>();
        ModelDescription limited = CompileLimits.apply(model, metadata.limits());
        Optional<ByteFigure> params = metadata.paramsBytes().isPresent()
                ? Optional.of(ByteFigure.given(metadata.paramsBytes().getAsLong(), "from " + source))
                : Optional.empty();
        if (!metadata.unresolved().isEmpty()) {
            notes.add("parameters not taken from " + source + ": unknown dimension(s) " + metadata.unresolved());
        }
        Optional<ByteFigure> temp = metadata.tempFuncBytes().isPresent()
                ? Optional.of(ByteFigure.given(metadata.tempFuncBytes().getAsLong(), "from " + source + " (memory_usage)"))
                : Optional.empty();
        metadata.kvCache().ifPresent(kv -> {
            KvCacheGeometry ours = limited.geometry().kvCache(limited.compile().tensorParallelShards());
            if (!ours.equals(kv)) {
                notes.add("the library's KV cache geometry " + kv + " differs from the model's " + ours);
            }
        });
        return new Applied(limited, params, temp, notes);
    }

    private static ByteFigure figure(BigDecimal mib, String detail) {
        return ByteFigure.given(mib.multiply(MIB).setScale(0, RoundingMode.HALF_EVEN).longValueExact(), detail);
    }
}
