package dev.kvlens.ui.scenario;

import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.planner.PlannerTarget;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the last library built: slider drags that only change runtime overrides reuse it, so the
 * parameter layout is not summed again on every step; and each additional model's library (rules §3.8).
 */
final class LibraryCache {
    private ModelDescription description;
    private Quantization scheme;
    private CompileConfig compile;
    private ByteFigure givenParams;
    private ByteFigure givenTemp;
    private PlannerTarget target;
    private ModelLibrary library;
    private final Map<AdditionalModel, ModelLibrary> additionalLibraries = new IdentityHashMap<>();

    ModelLibrary get(ModelDescription d, Quantization q, CompileConfig c, ByteFigure params, ByteFigure temp,
                     PlannerTarget t) {
        if (library == null || d != description || q != scheme || !c.equals(compile)
                || params != givenParams || temp != givenTemp || t != target) {
            boolean sameLayout = library != null && d == description && q == scheme
                    && c.tensorParallelShards() == compile.tensorParallelShards();
            ByteFigure reuse = params != null ? params : sameLayout && givenParams == null ? library.paramsBytes() : null;
            library = ModelLibrary.build(d, q, c, reuse, temp, t);
            target = t;
            description = d;
            scheme = q;
            compile = c;
            givenParams = params;
            givenTemp = temp;
        }
        return library;
    }

    /** Each additional model's library for {@code target}, built once per model and target. */
    List<ModelLibrary> additional(List<AdditionalModel> additionalModels, PlannerTarget target) {
        additionalLibraries.keySet().retainAll(additionalModels.stream()
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.Collections.newSetFromMap(
                        new IdentityHashMap<AdditionalModel, Boolean>()))));
        return additionalModels.stream().map(m -> {
            ModelLibrary known = additionalLibraries.get(m);
            if (known == null || known.target() != target) {
                known = m.library(target);
                additionalLibraries.put(m, known);
            }
            return known;
        }).toList();
    }
}
