package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The trade-off knobs of {@link KnobsViewModel}, one {@link KnobControl} each, and the prefill chunk's toggle. */
final class KnobsPanel extends VBox {

    private final CheckBox prefillRuntime = new CheckBox();
    private final Label prefillIgnored = new Label();

    KnobsPanel(KnobsViewModel vm) {
        super(10);
        prefillRuntime.setId("prefillRuntimeToggle");
        prefillRuntime.textProperty().bind(vm.prefillRuntimeTextProperty());
        prefillRuntime.selectedProperty().bindBidirectional(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.setId("prefillIgnoredNote");
        prefillIgnored.getStyleClass().add(Styles.NOTE);
        prefillIgnored.setWrapText(true);
        prefillIgnored.textProperty().bind(vm.prefillIgnoredTextProperty());
        prefillIgnored.visibleProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.managedProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        getChildren().addAll(new KnobControl("batch", vm.batch()), new KnobControl("context", vm.context()),
                new KnobControl("capacity", vm.capacity()),
                new VBox(4, new KnobControl("prefill", vm.prefill()), prefillRuntime, prefillIgnored));
    }
}
