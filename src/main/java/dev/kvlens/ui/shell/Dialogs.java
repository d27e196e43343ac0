package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.Theme;
import dev.kvlens.ui.help.GlossaryView;
import dev.kvlens.ui.help.GlossaryViewModel;
import dev.kvlens.ui.help.HelpView;
import dev.kvlens.ui.help.HelpViewModel;
import dev.kvlens.ui.help.TourView;
import dev.kvlens.ui.help.TourViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window's dialogs: a failure, About, the Help and Glossary windows (released when they close), the tour. */
final class Dialogs {

    private final ShellViewModel vm;
    private final Parent root;
    private boolean tourShown;
    private Stage glossaryWindow;

    Dialogs(ShellViewModel vm, Parent root) {
        this.vm = vm;
        this.root = root;
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    void showProblem(ShellViewModel.Problem problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle(vm.textNow("app.title"));
        alert.setHeaderText(problem.header());
        alert.setContentText(problem.message());
        alert.getDialogPane().setId("errorDialog");
        alert.show();
    }

    void showAbout(AboutInfo about) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle(vm.textNow("about.title"));
        alert.setHeaderText(vm.textNow("about.header", about.version()));
        alert.setContentText(vm.textNow("about.body", about.rulesLabel(), about.mlcCommit()));
        alert.setGraphic(new ImageView(new Image(
                Dialogs.class.getResource("/assets/icons/kvlens-64.png").toExternalForm())));
        alert.getDialogPane().setId("aboutDialog");
        alert.show();
    }

    /** Help ▸ Why is KV cache 0 MB at compile time? — with this scenario's numbers; disposed when closed. */
    void showHelp(HelpViewModel helpViewModel) {
        HelpView help = new HelpView(helpViewModel);
        window(help, vm.text("help.title"), help::dispose);
    }

    /**
     * Help ▸ Glossary: the terms on the left, the chosen one's explanation on the right; disposed when closed. One
     * window: while it is open, another request (a click on a chart segment) brings it to the front on its new term.
     */
    void showGlossary(GlossaryViewModel glossary) {
        if (glossaryWindow != null && glossaryWindow.isShowing()) {
            glossaryWindow.toFront();
            return;
        }
        GlossaryView view = new GlossaryView(glossary);
        glossaryWindow = window(view, glossary.windowTitleProperty(), view::dispose);
    }

    /** The first-run tour, from its first step; its card lives as long as the window. */
    void startTour(TourViewModel tour) {
        if (root.getScene() == null) {
            return;
        }
        if (!tourShown) {
            new TourView(tour, root.getScene());
            tourShown = true;
        }
        tour.start();
    }

    /** A window beside the main one, styled like it, closed with Escape; {@code dispose} runs when it is hidden. */
    private Stage window(Parent content, javafx.beans.value.ObservableValue<String> title, Runnable dispose) {
        Stage stage = new Stage();
        stage.initOwner(window());
        stage.titleProperty().bind(title);
        Scene scene = new Scene(content);
        if (root.getScene() != null) {
            scene.getStylesheets().addAll(root.getScene().getStylesheets());
        }
        content.getStyleClass().addAll(root.getStyleClass().filtered(c -> c.startsWith("font-cjk")
                || c.equals(Theme.DARK_CLASS)));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> dispose.run());
        stage.show();
        return stage;
    }
}
