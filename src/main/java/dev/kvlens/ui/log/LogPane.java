package dev.kvlens.ui.log;

import dev.kvlens.ui.common.Coalescer;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.Viewports;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The collapsible pane with the exact lines MLC prints for the scenario (engine start, then compile). */
public final class LogPane extends TitledPane {

    /** While a slider moves the log waits until it rests this long (see {@link Coalescer}). */
    public static final javafx.util.Duration QUIET = javafx.util.Duration.millis(120);

    private final TextArea text = new TextArea();
    private final Button copy = new Button();
    private final Label copied = new Label();

    public LogPane(LogViewModel viewModel) {
        setId("logPane");
        textProperty().bind(viewModel.titleProperty());
        text.setId("logText");
        text.getStyleClass().add(Styles.LOG_TEXT);
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(7);
        Viewports.renderDirectly(text);
        Coalescer<String> lines = new Coalescer<>(QUIET, text::setText);
        viewModel.logTextProperty().subscribe(lines::offer);
        copy.setId("copyLogButton");
        copy.textProperty().bind(viewModel.copyTextProperty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.copy());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        copied.getStyleClass().add(Styles.NOTE);
        copied.textProperty().bind(viewModel.copiedNoteProperty());
        HBox bar = new HBox(8, copy, copied);
        bar.setAlignment(Pos.CENTER_LEFT);
        setContent(new VBox(6, text, bar));
        // on a laptop screen (1366 × 768) the chart, the verdict and the knobs come first; the log is one click away
        setExpanded(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() >= 900);
    }

    public TextArea textArea() {
        return text;
    }
}
