package dev.kvlens.ui.scenario;

import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The trade-off knobs: batch (max_num_sequence), context (max_single_sequence_length), KV capacity
 * (max_total_seq_length) and the prefill chunk, compile-time or runtime (rules §3.5), each snapping to common values.
 */
public final class KnobsViewModel {

    private static final List<Integer> BATCH_STOPS =
            List.of(0, 1, 2, 4, 8, 16, 24, 32, 48, 64, 80, 96, 128, 192, 256, 384, 512, 768, 1024);
    private static final List<Integer> CAPACITY_STOPS = List.of(0, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
            131072, 262144, 524288, 1048576, 2097152);
    private static final List<Integer> PREFILL_STOPS = List.of(16, 32, 64, 128, 256, 512, 1024, 2048, 3072, 4096,
            6144, 8192, 12288, 16384, 32768);
    private static final List<Integer> CONTEXT_STOPS = List.of(512, 1024, 2048, 3072, 4096, 6144, 8192, 12288,
            16384, 24576, 32768, 49152, 65536, 98304, 131072, 262144, 524288, 1048576);

    private final EstimatorViewModel estimator;
    private final KnobViewModel batch;
    private final KnobViewModel context;
    private final KnobViewModel capacity;
    private final KnobViewModel prefill;

    KnobsViewModel(EstimatorViewModel vm) {
        this.estimator = vm;
        ObservableValue<Boolean> runtime = Bindings.createBooleanBinding(() -> false);
        batch = new KnobViewModel("knob.batch", vm.batchSizeProperty(), Bindings.createObjectBinding(() -> BATCH_STOPS),
                runtime, InputLimits.MAX_BATCH);
        context = new KnobViewModel("knob.context", vm.contextLengthProperty(),
                vm.compileConfigProperty().map(c -> contextStops(c.contextWindowSize())), runtime, InputLimits.MAX_TOKENS);
        capacity = new KnobViewModel("knob.capacity", vm.kvCapacityProperty(),
                Bindings.createObjectBinding(() -> CAPACITY_STOPS), runtime, InputLimits.MAX_TOKENS);
        prefill = new KnobViewModel("knob.prefill", vm.prefillChunkProperty(),
                vm.prefillIsRuntimeOverrideProperty().map(r -> r ? withAuto(PREFILL_STOPS) : PREFILL_STOPS),
                vm.prefillIsRuntimeOverrideProperty().map(r -> !r), InputLimits.MAX_TOKENS);
    }

    public KnobViewModel batch() {
        return batch;
    }

    public KnobViewModel context() {
        return context;
    }

    public KnobViewModel capacity() {
        return capacity;
    }

    public KnobViewModel prefill() {
        return prefill;
    }

    /** Whether the prefill chunk is a runtime override instead of the compile-time value. */
    public javafx.beans.property.BooleanProperty prefillIsRuntimeOverrideProperty() {
        return estimator.prefillIsRuntimeOverrideProperty();
    }

    /** The runtime-override toggle's text. */
    public ObservableValue<String> prefillRuntimeTextProperty() {
        return Language.text("knob.prefill.runtime");
    }

    /** Why a runtime prefill chunk does not move the bars. */
    public ObservableValue<String> prefillIgnoredTextProperty() {
        return Language.text("knob.prefill.ignored");
    }

    private static List<Integer> contextStops(int contextWindow) {
        List<Integer> stops = new ArrayList<>();
        stops.add(0);
        int limit = contextWindow > 0 ? contextWindow : 1048576;
        for (int stop : CONTEXT_STOPS) {
            if (stop < limit) {
                stops.add(stop);
            }
        }
        stops.add(limit);
        return List.copyOf(stops);
    }

    private static List<Integer> withAuto(List<Integer> stops) {
        List<Integer> all = new ArrayList<>();
        all.add(0);
        all.addAll(stops);
        return List.copyOf(all);
    }
}
