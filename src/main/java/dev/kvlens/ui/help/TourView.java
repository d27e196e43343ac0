package dev.kvlens.ui.help;

import dev.kvlens.ui.common.ViewScope;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/** The tour's card: a small popup beside the part of the window the step explains. */
public final class TourView {

    private final TourViewModel viewModel;
    private final Popup popup = new Popup();
    private final ViewScope scope = new ViewScope();
    private final Scene scene;

    public TourView(TourViewModel viewModel, Scene scene) {
        this.viewModel = viewModel;
        this.scene = scene;
        Label title = new Label();
        title.setId("tourTitle");
        title.getStyleClass().add("help-heading");
        title.textProperty().bind(viewModel.titleProperty());
        Label body = new Label();
        body.setId("tourBody");
        body.setWrapText(true);
        body.textProperty().bind(viewModel.bodyProperty());
        Label progress = new Label();
        progress.getStyleClass().add("note");
        progress.textProperty().bind(viewModel.progressProperty());
        Button skip = new Button();
        skip.setId("tourSkip");
        skip.textProperty().bind(viewModel.skipTextProperty());
        skip.setOnAction(e -> viewModel.skip());
        Button back = new Button();
        back.setId("tourBack");
        back.textProperty().bind(viewModel.backTextProperty());
        back.disableProperty().bind(viewModel.atStartProperty());
        back.setOnAction(e -> viewModel.back());
        Button next = new Button();
        next.setId("tourNext");
        next.setDefaultButton(true);
        next.textProperty().bind(viewModel.nextTextProperty());
        next.setOnAction(e -> viewModel.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, gap, skip, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, title, body, buttons);
        card.setId("tourCard");
        card.getStyleClass().add("tour-card");
        card.setPadding(new Insets(12));
        card.setPrefWidth(380);
        card.getStylesheets().addAll(scene.getStylesheets());
        card.getStyleClass().addAll(scene.getRoot().getStyleClass().filtered(c -> c.startsWith("font-cjk")
                || c.equals("theme-dark")));
        popup.getContent().add(card);
        popup.setAutoHide(false);
        scope.subscribe(viewModel.openProperty(), open -> {
            if (open) {
                place();
            } else {
                popup.hide();
            }
        });
        scope.onInvalidated(viewModel.indexProperty(), this::place);
    }

    private void place() {
        Window window = scene.getWindow();
        if (window == null || !viewModel.openProperty().get()) {
            return;
        }
        Node anchor = scene.lookup("#" + viewModel.step().anchorId());
        double x = window.getX() + window.getWidth() / 2 - 190;
        double y = window.getY() + window.getHeight() / 3;
        if (anchor != null) {
            Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
            if (b != null) {
                // beside the anchor when there is room on its right, else below it; always inside the window
                boolean roomOnTheRight = b.getMaxX() + 12 + 380 <= window.getX() + window.getWidth();
                x = roomOnTheRight ? b.getMaxX() + 12 : b.getMinX();
                y = roomOnTheRight ? b.getMinY() : b.getMaxY() + 8;
                x = Math.max(window.getX(), Math.min(x, window.getX() + window.getWidth() - 390));
                y = Math.max(window.getY(), Math.min(y, window.getY() + window.getHeight() - 220));
            }
        }
        if (popup.isShowing()) {
            popup.setX(x);
            popup.setY(y);
        } else {
            popup.show(window, x, y);
        }
    }

    /** Hides the card and ends what it observes. */
    public void dispose() {
        popup.hide();
        scope.dispose();
    }
}
