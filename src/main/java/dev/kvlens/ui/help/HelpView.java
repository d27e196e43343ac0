package dev.kvlens.ui.help;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.ViewScope;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.ModeEstimate;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * "Why is the KV cache 0 MB at compile time?": what the compile report measures, what the runtime adds in
 * each mode, how the knobs move each part and how to change mode and overrides in MLC — with the current
 * scenario's own numbers.
 */
public final class HelpView extends ScrollPane {

    private final EstimatorViewModel viewModel;
    private final VBox content = new VBox(10);
    private final ViewScope scope = new ViewScope();

    public HelpView(EstimatorViewModel viewModel) {
        this.viewModel = viewModel;
        setId("helpView");
        setFitToWidth(true);
        content.setPadding(new Insets(16));
        content.setPrefWidth(640);
        setContent(content);
        setPrefSize(700, 560);
        scope.subscribe(viewModel.resultProperty(), r -> rebuild());
        scope.onInvalidated(I18n.localeProperty(), this::rebuild);
    }

    /** Ends what the view observes, so a closed Help window can be collected. */
    public void dispose() {
        scope.dispose();
    }

    private void rebuild() {
        EstimateResult result = viewModel.result();
        content.getChildren().clear();
        heading("help.title");
        if (result == null || result.estimate().isEmpty()) {
            text(I18n.get("help.noScenario"));
            return;
        }
        Estimate e = result.estimate().get();
        var compile = result.compileReport().orElseThrow();
        ModeEstimate local = e.mode(EngineMode.LOCAL).orElse(e.selected());
        ModeEstimate server = e.mode(EngineMode.SERVER).orElse(e.selected());
        String model = e.scenario().model().name() + " " + e.scenario().model().quantization().name();
        text(I18n.get("help.compile", model, mib(compile.paramsBytes()), mib(compile.tempFuncBytes())));
        heading("help.runtimeTitle");
        text(I18n.get("help.runtime", mib(e.deviceBytes()), e.utilization() == 0.8500000238418579 ? "0.85"
                        : Double.toString(e.utilization()), mib(local.availableBytes()), mib(local.tempBufferBytes()),
                mib(local.kvAuxBytes()), mib(local.modelWorkspaceBytes() + local.logitWorkspaceBytes())));
        heading("help.modesTitle");
        text(I18n.get("help.modes", Long.toString(local.maxTotalSequenceLength()), mib(local.kvCacheBytes()),
                Long.toString(server.maxNumSequence()), Long.toString(server.maxTotalSequenceLength()),
                mib(server.kvCacheBytes()), mib(server.totalBytes())));
        heading("help.knobsTitle");
        text(I18n.get("help.knobs"));
        heading("help.mlcTitle");
        text(I18n.get("help.mlc"));
    }

    private void heading(String key) {
        Label label = new Label(I18n.get(key));
        label.getStyleClass().add("help-heading");
        label.setWrapText(true);
        content.getChildren().add(label);
    }

    private void text(String text) {
        for (String paragraph : List.of(text.split("\n\n"))) {
            Label label = new Label(paragraph);
            label.getStyleClass().add("help-text");
            label.setWrapText(true);
            content.getChildren().add(label);
        }
    }

    private static String mib(double bytes) {
        return Mib.format(bytes, 0) + " MiB";
    }
}
