package dev.kvlens.ui.imports;

import dev.kvlens.ui.common.Styles;
import dev.kvlens.model.mlc.LogComparison;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Imported" tab: what the last import did, MLC's printed numbers next to ours (the overlay), the device
 * memory that explains the log, and the per-function temporary buffers of a compile log.
 */
public final class ImportView extends VBox {

    private static final int MAX_FUNCTIONS = 12;

    private final ImportViewModel vm;
    private final Label source = new Label();
    private final ListView<String> notes = new ListView<>();
    private final TableView<LogComparison.Row> table = new TableView<>();
    private final Label verdict = new Label();
    private final Label solved = new Label();
    private final Button adopt = new Button();
    private final BarChart<Number, String> functions = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final Label hint = new Label();

    public ImportView(ImportViewModel viewModel) {
        this.vm = viewModel;
        setId("importView");
        setSpacing(8);
        setPadding(new Insets(12));
        getStyleClass().add(Styles.CHART_CARD);
        initializeParts();
        layoutParts();
        bindToViewModel();
    }

    private void initializeParts() {
        source.getStyleClass().add(Styles.CHART_TITLE);
        hint.getStyleClass().add(Styles.NOTE);
        hint.setWrapText(true);
        notes.setId("importNotes");
        notes.setPrefHeight(110);
        notes.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String note, boolean empty) {
                super.updateItem(note, empty);
                setText(empty ? null : note);
            }
        });
        notes.setFocusTraversable(false);
        table.setId("comparisonTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("import.quantity", 0.40, row -> vm.said(row.what())));
        table.getColumns().add(column("import.printed", 0.2, LogComparison.Row::printed));
        table.getColumns().add(column("import.ours", 0.2, row -> vm.said(row.oursSaid())));
        TableColumn<LogComparison.Row, String> diff = column("import.difference", 0.2,
                row -> vm.said(row.differenceSaid()));
        diff.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("diff-zero", "diff-nonzero");
                if (!empty && item != null) {
                    getStyleClass().add("0".equals(item) ? "diff-zero" : "diff-nonzero");
                }
            }
        });
        table.getColumns().add(diff);
        table.setPlaceholder(hintLabel("import.noRuntime"));
        verdict.setId("comparisonVerdict");
        adopt.setId("adoptDeviceButton");
        adopt.textProperty().bind(vm.text("import.adopt"));
        adopt.setOnAction(e -> vm.adoptSolvedDevice());
        functions.setId("functionChart");
        functions.setAnimated(false);
        functions.setLegendVisible(false);
        functions.titleProperty().bind(vm.text("import.functions"));
        ((NumberAxis) functions.getXAxis()).labelProperty().bind(vm.text("import.mib"));
        functions.setPrefHeight(260);
    }

    private Label hintLabel(String key) {
        Label label = new Label();
        label.textProperty().bind(vm.text(key));
        label.getStyleClass().add(Styles.NOTE);
        label.setWrapText(true);
        return label;
    }

    private TableColumn<LogComparison.Row, String> column(String key, double width,
                                                               java.util.function.Function<LogComparison.Row, String> value) {
        TableColumn<LogComparison.Row, String> column = new TableColumn<>();
        column.textProperty().bind(vm.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setMaxWidth(1f * Integer.MAX_VALUE * width);
        column.setSortable(false);
        return column;
    }

    private void layoutParts() {
        HBox solvedRow = new HBox(10, solved, adopt);
        solvedRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(source, hint, notes, verdict, solvedRow, table, functions);
    }

    private void bindToViewModel() {
        source.textProperty().bind(vm.sourceTextProperty());
        hint.textProperty().bind(vm.text("import.hint"));
        notes.setItems(vm.notes());
        notes.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.notes()));
        notes.managedProperty().bind(notes.visibleProperty());
        vm.comparisonProperty().subscribe(rows -> {
            table.getItems().setAll(rows);
            long differ = rows.stream().filter(r -> !r.matches()).count();
            verdict.getStyleClass().removeAll(Styles.STATUS_ERROR);
            if (differ > 0) {
                verdict.getStyleClass().add(Styles.STATUS_ERROR);
            }
        });
        vm.solvedDeviceProperty().subscribe(range -> {
            adopt.setVisible(range.isPresent());
            adopt.setManaged(range.isPresent());
        });
        verdict.textProperty().bind(vm.overlay().verdictProperty());
        solved.textProperty().bind(vm.overlay().solvedTextProperty());
        vm.functionMibProperty().subscribe(this::showFunctions);
    }

    private void showFunctions(Map<String, Double> mib) {
        functions.setVisible(!mib.isEmpty());
        functions.setManaged(!mib.isEmpty());
        List<Map.Entry<String, Double>> top = new ArrayList<>(mib.entrySet()).subList(0, Math.min(MAX_FUNCTIONS, mib.size()));
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        List<String> names = new ArrayList<>();
        for (int i = top.size() - 1; i >= 0; i--) {
            names.add(top.get(i).getKey());
            series.getData().add(new XYChart.Data<>(top.get(i).getValue(), top.get(i).getKey()));
        }
        ((CategoryAxis) functions.getYAxis()).setCategories(FXCollections.observableArrayList(names));
        functions.getData().setAll(List.of(series));
        if (!top.isEmpty()) {
            XYChart.Data<Number, String> largest = series.getData().get(series.getData().size() - 1);
            largest.nodeProperty().subscribe(node -> {
                if (node != null) {
                    node.getStyleClass().add("largest-function");
                }
            });
        }
    }

    /** The view in a scroll pane as wide as the tab, for the Imported tab. */
    public static javafx.scene.control.ScrollPane scrolled(ImportViewModel viewModel) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new ImportView(viewModel));
        scroll.setFitToWidth(true);
        return scroll;
    }
}
