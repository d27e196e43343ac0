package dev.kvlens.app;

import dev.kvlens.io.PngWriter;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.view.AboutInfo;
import dev.kvlens.view.I18n;
import dev.kvlens.view.MainView;
import dev.kvlens.view.Styles;
import dev.kvlens.viewmodel.EstimatorViewModel;
import dev.kvlens.viewmodel.ExportCommand;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The desktop app: wires presets, view model and main view into a window. */
public final class KvLensApp extends Application {

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kvlens-io");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void start(Stage stage) {
        EstimatorViewModel viewModel = ViewModels.fromCatalog(PresetCatalog.load());
        MainView view = createView(viewModel, io);
        Scene scene = new Scene(view, 1360, 860);
        scene.getStylesheets().add(KvLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.titleProperty().bind(I18n.bind("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.show();
    }

    /** The main view with its collaborators (also used by UI tests). */
    public static MainView createView(EstimatorViewModel viewModel, java.util.concurrent.Executor ioExecutor) {
        AboutInfo about = new AboutInfo(AppVersion.version(), RuleSet.D2025.label(), RuleSet.D2025.mlcCommit());
        return new MainView(viewModel, new ExportCommand(PngWriter::write, ioExecutor), about);
    }

    @Override
    public void stop() {
        io.shutdownNow();
    }
}
