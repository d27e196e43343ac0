package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The trade-off knobs: batch (max_num_sequence), context (max_single_sequence_length), KV capacity
 * (max_total_seq_length) and the prefill chunk, compile-time or runtime (rules §3.5), each snapping to common values.
 */
final class KnobsPanel extends VBox {

    private static final List<Integer> BATCH_STOPS =
            List.of(0, 1, 2, 4, 8, 16, 24, 32, 48, 64, 80, 96, 128, 192, 256, 384, 512, 768, 1024);
    private static final List<Integer> CAPACITY_STOPS = List.of(0, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
            131072, 262144, 524288, 1048576, 2097152);
    private static final List<Integer> PREFILL_STOPS = List.of(16, 32, 64, 128, 256, 512, 1024, 2048, 3072, 4096,
            6144, 8192, 12288, 16384, 32768);
    private static final List<Integer> CONTEXT_STOPS = List.of(512, 1024, 2048, 3072, 4096, 6144, 8192, 12288,
            16384, 24576, 32768, 49152, 65536, 98304, 131072, 262144, 524288, 1048576);

    private final CheckBox prefillRuntime = new CheckBox();
    private final Label prefillIgnored = new Label();

    KnobsPanel(EstimatorViewModel vm) {
        super(10);
        ObservableValue<String> runtime = Bindings.createStringBinding(() -> "badge.runtime");
        KnobControl batch = new KnobControl("batch", "knob.batch", vm.batchSizeProperty(),
                Bindings.createObjectBinding(() -> BATCH_STOPS), runtime);
        KnobControl context = new KnobControl("context", "knob.context", vm.contextLengthProperty(),
                vm.compileConfigProperty().map(c -> contextStops(c.contextWindowSize())), runtime);
        KnobControl capacity = new KnobControl("capacity", "knob.capacity", vm.kvCapacityProperty(),
                Bindings.createObjectBinding(() -> CAPACITY_STOPS), runtime);
        ObservableValue<List<Integer>> prefillStops = vm.prefillIsRuntimeOverrideProperty()
                .map(r -> r ? withAuto(PREFILL_STOPS) : PREFILL_STOPS);
        KnobControl prefill = new KnobControl("prefill", "knob.prefill", vm.prefillChunkProperty(), prefillStops,
                vm.prefillIsRuntimeOverrideProperty().map(r -> r ? "badge.runtime" : "badge.recompile"));
        prefillRuntime.setId("prefillRuntimeToggle");
        prefillRuntime.textProperty().bind(I18n.bind("knob.prefill.runtime"));
        prefillRuntime.selectedProperty().bindBidirectional(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.setId("prefillIgnoredNote");
        prefillIgnored.getStyleClass().add(Styles.NOTE);
        prefillIgnored.setWrapText(true);
        prefillIgnored.textProperty().bind(I18n.bind("knob.prefill.ignored"));
        prefillIgnored.visibleProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.managedProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        getChildren().addAll(batch, context, capacity, new VBox(4, prefill, prefillRuntime, prefillIgnored));
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
