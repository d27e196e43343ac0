package dev.kvlens.ui.help;

import dev.kvlens.text.Glossary;
import dev.kvlens.ui.common.ViewScope;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** Help ▸ Glossary: the terms on the left, the chosen one's explanation and its "see also" links on the right. */
public final class GlossaryView extends BorderPane {

    private final GlossaryViewModel viewModel;
    private final ViewScope scope = new ViewScope();
    private final ListView<GlossaryViewModel.Entry> list = new ListView<>();
    private final Label title = new Label();
    private final Label body = new Label();
    private final Label seeAlsoLabel = new Label();
    private final FlowPane seeAlso = new FlowPane(6, 2);
    private boolean selecting;

    public GlossaryView(GlossaryViewModel viewModel) {
        this.viewModel = viewModel;
        setId("glossaryView");
        list.setId("glossaryList");
        title.setId("glossaryTitle");
        body.setId("glossaryBody");
        seeAlso.setId("glossarySeeAlso");
        title.getStyleClass().add("help-heading");
        body.getStyleClass().add("help-text");
        title.setWrapText(true);
        body.setWrapText(true);
        list.setPrefWidth(250);
        VBox text = new VBox(10, title, body, seeAlsoLabel, seeAlso);
        text.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        setLeft(list);
        setCenter(scroll);
        setPrefSize(820, 520);
        bind();
    }

    private void bind() {
        title.textProperty().bind(viewModel.titleProperty());
        body.textProperty().bind(viewModel.bodyProperty());
        seeAlsoLabel.textProperty().bind(viewModel.seeAlsoLabelProperty());
        scope.subscribe(viewModel.entriesProperty(), entries -> {
            selecting = true;
            list.setItems(FXCollections.observableArrayList(entries));
            select(viewModel.selectedProperty().get());
            selecting = false;
        });
        scope.subscribe(viewModel.selectedProperty(), this::select);
        scope.subscribe(viewModel.seeAlsoProperty(), this::links);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !selecting) {
                viewModel.show(now.term());
            }
        });
    }

    private void select(Glossary term) {
        list.getItems().stream().filter(e -> e.term() == term).findFirst().ifPresent(e -> {
            list.getSelectionModel().select(e);
            list.scrollTo(e);
        });
    }

    private void links(List<GlossaryViewModel.Entry> entries) {
        seeAlso.getChildren().setAll(entries.stream().map(e -> {
            Hyperlink link = new Hyperlink(e.title());
            link.setId("seeAlso-" + e.term().id());
            link.setOnAction(a -> viewModel.show(e.term()));
            return link;
        }).toList());
    }

    /** Ends what the view observes, so a closed Glossary window can be collected. */
    public void dispose() {
        scope.dispose();
    }
}
