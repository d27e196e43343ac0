package dev.kvlens.app;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.io.UserState;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.shell.MainView;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.shell.RecentFiles;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The desktop app: wires presets, remembered state, view models and the main view into a window. */
public final class KvLensApp extends Application {

    private static final Logger LOG = Logger.getLogger(KvLensApp.class.getName());

    /** Argument that makes the app report its cold start ({@code startup-report first-frame-ms=N}) and exit. */
    public static final String STARTUP_REPORT = "--startup-report";

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kvlens-io");
        thread.setDaemon(true);
        return thread;
    });
    private final UserState state = UserState.inDefaultLocation();
    private EstimatorViewModel viewModel;
    private Stage stage;
    private StagePlacement placement;
    private final javafx.beans.property.BooleanProperty mapBeside = new javafx.beans.property.SimpleBooleanProperty();

    @Override
    public void start(Stage stage) {
        restorePreferences();
        PresetCatalog catalog = PresetCatalog.load();
        viewModel = ViewModels.fromCatalog(catalog);
        restoreSession();
        rememberImportedModels(catalog);
        MainView view = createView(viewModel, io, new RecentFiles(state.recentFiles(), this::rememberRecent));
        view.mapBesideChartProperty().bindBidirectional(mapBeside);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(KvLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.titleProperty().bind(I18n.bind("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(
                    KvLensApp.class.getResource("/assets/icons/kvlens-" + size + ".png").toExternalForm()));
        }
        stage.setScene(scene);
        placement = new StagePlacement(stage);
        boolean firstStart = state.window().isEmpty(); // nothing saved yet: a new user gets the tour
        placement.place(state.window());
        this.stage = stage; // the session is saved in stop(): closing the window and File ▸ Quit alike
        if (startupReport()) {
            StartupReport.afterFirstFrame(scene);
        }
        stage.show();
        placement.follow();
        saveOnTermination(stage);
        showStateProblems(stage);
        getParameters().getRaw().stream().filter(a -> !a.equals(STARTUP_REPORT))
                .forEach(file -> view.importFile(Path.of(file)));
        detectGpus(state.lastScenario().isEmpty());
        if (firstStart && !startupReport()) {
            javafx.application.Platform.runLater(view::startTour); // once laid out: the card points at real nodes
        }
    }

    /**
     * Asks the vendor tools for this machine's GPUs on a thread of its own (time-boxed, silent when there are none)
     * and lists them first in the device picker; the window starts on the first one unless a saved scenario was
     * restored or the user picked a device meanwhile.
     */
    private void detectGpus(boolean noSavedScenario) {
        dev.kvlens.ui.scenario.DeviceOption initial = viewModel.deviceProperty().get();
        Thread thread = new Thread(() -> {
            List<dev.kvlens.io.DetectedDevice> found = dev.kvlens.io.GpuDetector.forThisMachine().detect();
            javafx.application.Platform.runLater(() -> ViewModels.addDetected(viewModel, found,
                    noSavedScenario && viewModel.deviceProperty().get() == initial));
        }, "kvlens-gpu-detect");
        thread.setDaemon(true);
        thread.start();
    }

    /** Imported models and the last scenario; whatever cannot be restored is set aside, never fatal. */
    private void restoreSession() {
        try {
            viewModel.models().addAll(state.importedModels());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "imported models not restored: {0}", e.getMessage());
        }
        try {
            state.lastScenario().ifPresent(document -> {
                try {
                    viewModel.apply(document);
                } catch (RuntimeException e) { // apply is all-or-nothing: the defaults are still shown
                    state.setAsideLastScenario(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "last scenario not restored: {0}", e.getMessage());
        }
    }

    /** What could not be restored, once: in the log and in a message beside the window. */
    private void showStateProblems(Stage owner) {
        state.problems().forEach(LOG::warning); // the log stays English
        List<String> problems = state.problemPhrases().stream()
                .map(p -> dev.kvlens.text.UserText.oneLine(dev.kvlens.text.Phrases.get(p))).toList();
        if (problems.isEmpty() || startupReport()) {
            return;
        }
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(I18n.get("state.problems"));
        alert.setContentText(String.join("\n", problems));
        alert.getDialogPane().setId("stateProblems");
        alert.show();
    }

    /**
     * SIGTERM (logout, {@code kill}) runs shutdown hooks but not {@link #stop()}: the hook saves the session as
     * the FX thread last saw it (kept current on every change), unless stop() already did.
     */
    private void saveOnTermination(Stage stage) {
        if (startupReport()) {
            return;
        }
        Runnable remember = () -> {
            try {
                latest = new Session(viewModel.document(), placement.now());
            } catch (RuntimeException e) {
                // an inconsistent moment (a half-typed value): keep the last consistent session
            }
        };
        remember.run();
        viewModel.resultProperty().addListener((o, a, b) -> remember.run());
        stage.xProperty().addListener((o, a, b) -> remember.run());
        stage.yProperty().addListener((o, a, b) -> remember.run());
        stage.widthProperty().addListener((o, a, b) -> remember.run());
        stage.heightProperty().addListener((o, a, b) -> remember.run());
        stage.maximizedProperty().addListener((o, a, b) -> remember.run());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Session session = latest;
            if (session != null && !saved.get()) {
                save(session);
            }
        }, "kvlens-save-on-exit"));
    }

    /** The session to save: the scenario and where the window was. */
    private record Session(dev.kvlens.model.scenario.ScenarioDocument document, UserState.WindowBounds window) {
    }

    private volatile Session latest;
    private final java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean();

    /** The main view with its collaborators (also used by UI tests). */
    public static MainView createView(EstimatorViewModel viewModel, Executor ioExecutor, RecentFiles recent) {
        return createView(viewModel, ioExecutor, recent, dev.kvlens.ui.shell.FileDialogs.NATIVE, OsTheme::prefersDark);
    }

    /** The main view with every collaborator given (UI tests script the file dialogs). */
    public static MainView createView(EstimatorViewModel viewModel, Executor ioExecutor, RecentFiles recent,
                                      dev.kvlens.ui.shell.FileDialogs dialogs, java.util.function.BooleanSupplier systemDark) {
        return new MainView(ScreensFactory.build(viewModel, ioExecutor, recent), dialogs, systemDark);
    }

    /** A main view that remembers nothing (tests). */
    public static MainView createView(EstimatorViewModel viewModel, Executor ioExecutor) {
        return createView(viewModel, ioExecutor, new RecentFiles(List.of(), path -> { }));
    }

    private void restorePreferences() {
        UserState.Preferences prefs = state.preferences();
        dev.kvlens.ui.common.Theme.CHOICE.set(dev.kvlens.ui.common.Theme.parse(prefs.theme()));
        if (!prefs.language().isBlank()) {
            I18n.setLocale(java.util.Locale.forLanguageTag(prefs.language()));
        }
        mapBeside.set(prefs.mapBesideChart());
        Runnable save = () -> {
            UserState.Preferences now = new UserState.Preferences(dev.kvlens.ui.common.Theme.CHOICE.get().name(),
                    I18n.locale().toLanguageTag(), mapBeside.get());
            persist("preferences", () -> state.savePreferences(now));
        };
        dev.kvlens.ui.common.Theme.CHOICE.addListener((o, a, b) -> save.run());
        I18n.localeProperty().addListener((o, a, b) -> save.run());
        mapBeside.addListener((o, a, b) -> save.run());
    }

    private void rememberImportedModels(PresetCatalog catalog) {
        viewModel.models().addListener((ListChangeListener<ModelDescription>) change -> {
            while (change.next()) {
                for (ModelDescription added : change.getAddedSubList()) {
                    if (catalog.models().stream().noneMatch(p -> p.equals(added))) {
                        persist("imported model", () -> state.rememberModel(added));
                    }
                }
                if (change.wasRemoved() && !change.wasAdded()) { // a removal, not a restore's setAll
                    change.getRemoved().forEach(gone -> persist("imported model", () -> state.forgetModel(gone)));
                }
            }
        });
    }

    private void rememberRecent(Path path) {
        persist("recent file", () -> state.addRecent(path));
    }

    /** A write to the settings directory. */
    private interface StateWrite {
        void run() throws IOException;
    }

    /** Settings are written on the single I/O thread, in order, never on the FX thread. */
    private void persist(String what, StateWrite write) {
        io.execute(() -> {
            try {
                write.run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not save the {0}: {1}", new Object[] {what, e.getMessage()});
            }
        });
    }

    private boolean startupReport() {
        return getParameters().getRaw().contains(STARTUP_REPORT);
    }

    private void save(Session session) {
        if (!saved.compareAndSet(false, true)) {
            return;
        }
        try {
            state.saveWindow(session.window());
            state.saveLastScenario(session.document(), "KV Lens " + AppVersion.version());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not save the session: {0}", e.getMessage());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (stage != null && !startupReport()) {
            Session session;
            try {
                session = new Session(viewModel.document(), placement.now());
            } catch (RuntimeException e) {
                session = latest;
            }
            if (session != null) {
                save(session);
            }
        }
        io.shutdown(); // let queued settings writes finish
        io.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
