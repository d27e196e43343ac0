package dev.kvlens.ui.help;

import dev.kvlens.ui.common.ViewScope;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * "Why is the KV cache 0 MB at compile time?": what the compile report measures, what the runtime adds in
 * each mode, how the knobs move each part and how to change mode and overrides in MLC — with the current
 * scenario's own numbers, from {@link HelpViewModel}.
 */
public final class HelpView extends ScrollPane {

    private final VBox content = new VBox(10);
    private final ViewScope scope = new ViewScope();

    public HelpView(HelpViewModel viewModel) {
        setId("helpView");
        setFitToWidth(true);
        content.setPadding(new Insets(16));
        content.setPrefWidth(640);
        setContent(content);
        setPrefSize(700, 560);
        scope.subscribe(viewModel.blocksProperty(), this::show);
    }

    /** Ends what the view observes, so a closed Help window can be collected. */
    public void dispose() {
        scope.dispose();
    }

    private void show(List<HelpViewModel.Block> blocks) {
        content.getChildren().clear();
        for (HelpViewModel.Block block : blocks) {
            Label label = new Label(block.text());
            label.getStyleClass().add(block.heading() ? "help-heading" : "help-text");
            label.setWrapText(true);
            content.getChildren().add(label);
        }
    }
}
