package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.Theme;
import dev.kvlens.app.KvLensApp;
import dev.kvlens.app.ViewModels;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

/**
 * The one window the TestFX tests start from: the preset catalog's view model, the real main view (remembering
 * nothing, I/O on the calling thread, the light theme, English) in a 1360-pixel-wide scene with the app's stylesheet.
 * Call {@link #show} from a {@code @Start} method and {@link #reset} after each test.
 */
public final class WindowFixture {

    /** The width of the window every fixture shows. */
    public static final int WIDTH = 1360;
    /** The default height. */
    public static final int HEIGHT = 860;

    private final EstimatorViewModel viewModel;
    private final MainView view;

    private WindowFixture(EstimatorViewModel viewModel, MainView view) {
        this.viewModel = viewModel;
        this.view = view;
    }

    /** The main window with native file dialogs. */
    public static WindowFixture show(Stage stage) {
        return show(stage, FileDialogs.NATIVE, HEIGHT);
    }

    /** The main window with scripted file dialogs and a given height. */
    public static WindowFixture show(Stage stage, FileDialogs dialogs, int height) {
        I18n.setLocale(I18n.ENGLISH);
        Theme.CHOICE.set(Theme.LIGHT);
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        MainView view = KvLensApp.createView(vm, Runnable::run, new RecentFiles(List.of(), p -> { }), dialogs,
                () -> false);
        Scene scene = new Scene(view, WIDTH, height);
        scene.getStylesheets().add(WindowFixture.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return new WindowFixture(vm, view);
    }

    /** Back to English and the light theme, on the FX thread (call from {@code @AfterEach}). */
    public static void reset() {
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            I18n.setLocale(I18n.ENGLISH);
            Theme.CHOICE.set(Theme.LIGHT);
        });
    }

    public EstimatorViewModel viewModel() {
        return viewModel;
    }

    public MainView view() {
        return view;
    }
}
