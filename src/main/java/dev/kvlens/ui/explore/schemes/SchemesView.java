package dev.kvlens.ui.explore.schemes;

import dev.kvlens.ui.common.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/** "Which quantizations fit this GPU": one table row per scheme, the fitting ones marked. */
public final class SchemesView extends VBox {

    private final TableView<SchemesViewModel.Row> table = new TableView<>();
    /** Held here: a derived condition is observed only weakly by its inputs. */
    private final ObservableValue<Boolean> showing;

    /** @param showing whether the view is on screen; the rows are computed only then */
    public SchemesView(SchemesViewModel vm, ObservableValue<Boolean> showing) {
        this.showing = showing;
        setId("schemesView");
        getStyleClass().add(Styles.CHART_CARD);
        setSpacing(8);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add(Styles.CHART_TITLE);
        title.textProperty().bind(vm.text("schemes.title"));
        Label note = new Label();
        note.getStyleClass().add(Styles.NOTE);
        note.setWrapText(true);
        note.textProperty().bind(vm.text("schemes.note"));
        table.setId("schemesTable");
        table.getColumns().add(column(vm, "schemes.column.scheme", SchemesViewModel.Row::scheme));
        table.getColumns().add(column(vm, "schemes.column.parameters", SchemesViewModel.Row::parameters));
        table.getColumns().add(column(vm, "schemes.column.temporary", SchemesViewModel.Row::temporary));
        TableColumn<SchemesViewModel.Row, String> kv = new TableColumn<>();
        kv.textProperty().bind(vm.text("schemes.column.kv"));
        kv.getColumns().addAll(List.of(column(vm, "schemes.column.local", SchemesViewModel.Row::local),
                column(vm, "schemes.column.interactive", SchemesViewModel.Row::interactive),
                column(vm, "schemes.column.server", SchemesViewModel.Row::server)));
        table.getColumns().add(kv);
        table.getColumns().add(column(vm, "schemes.column.verdict", SchemesViewModel.Row::verdict));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SchemesViewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(Styles.SCHEME_FITS);
                if (!empty && row != null && row.fits()) {
                    getStyleClass().add(Styles.SCHEME_FITS);
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, note, table);
        vm.activeProperty().bind(showing);
        vm.rowsProperty().subscribe(rows -> table.setItems(FXCollections.observableArrayList(rows)));
    }

    private static TableColumn<SchemesViewModel.Row, String> column(SchemesViewModel vm, String key,
                                                                   Function<SchemesViewModel.Row, String> value) {
        TableColumn<SchemesViewModel.Row, String> column = new TableColumn<>();
        column.textProperty().bind(vm.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }
}
