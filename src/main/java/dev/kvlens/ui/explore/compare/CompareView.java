package dev.kvlens.ui.explore.compare;

import dev.kvlens.ui.common.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** A/B: pin the current scenario, change anything, and see each segment side by side with the deltas. */
public final class CompareView extends VBox {

    private final CompareViewModel vm;
    private final TableView<CompareViewModel.Row> table = new TableView<>();
    private final Label pinned = new Label();
    /** Held here: a derived condition (such as {@code a.or(b)}) is observed only weakly by its inputs. */
    private final javafx.beans.value.ObservableValue<Boolean> showing;

    /** @param showing whether the view is on screen; the table follows the sliders only then */
    public CompareView(CompareViewModel viewModel, javafx.beans.value.ObservableValue<Boolean> showing) {
        this.showing = showing;
        this.vm = viewModel;
        setId("compareView");
        getStyleClass().add(Styles.CHART_CARD);
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add(Styles.CHART_TITLE);
        title.textProperty().bind(vm.text("compare.title"));
        Button pin = new Button();
        pin.setId("pinButton");
        pin.textProperty().bind(vm.text("compare.pin"));
        pin.setOnAction(e -> vm.pinCurrent());
        Button copy = new Button();
        copy.setId("copyCompareButton");
        copy.textProperty().bind(vm.text("compare.copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.csv());
            Clipboard.getSystemClipboard().setContent(content);
        });
        pinned.getStyleClass().add(Styles.NOTE);
        pinned.setWrapText(true);
        HBox buttons = new HBox(8, pin, copy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("compare.quantity", CompareViewModel.Row::quantity));
        table.getColumns().add(column("compare.a", CompareViewModel.Row::a));
        table.getColumns().add(column("compare.b", CompareViewModel.Row::b));
        table.getColumns().add(column("compare.delta", CompareViewModel.Row::difference));
        table.getColumns().add(column("compare.percent", CompareViewModel.Row::percent));
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.text("compare.empty"));
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, buttons, pinned, table);
        vm.rowsProperty().when(showing).subscribe(rows -> table.getItems().setAll(rows));
        pinned.textProperty().bind(vm.pinnedTextProperty());
    }

    private TableColumn<CompareViewModel.Row, String> column(String key,
                                                                        Function<CompareViewModel.Row, String> value) {
        TableColumn<CompareViewModel.Row, String> c = new TableColumn<>();
        c.textProperty().bind(vm.text(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
