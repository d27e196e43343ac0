package dev.kvlens.ui.shell;

import dev.kvlens.ui.chart.ChartCard;
import dev.kvlens.ui.chart.ChartImages;
import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.Theme;
import dev.kvlens.ui.common.Viewports;
import dev.kvlens.ui.explore.compare.CompareView;
import dev.kvlens.ui.explore.map.CapacityMapView;
import dev.kvlens.ui.explore.waterfall.WaterfallView;
import dev.kvlens.ui.explore.schemes.SchemesView;
import dev.kvlens.ui.help.GlossaryView;
import dev.kvlens.ui.help.GlossaryViewModel;
import dev.kvlens.ui.help.HelpView;
import dev.kvlens.ui.help.TourView;
import dev.kvlens.ui.help.TourViewModel;
import dev.kvlens.ui.imports.ImportView;
import dev.kvlens.ui.log.LogPane;
import dev.kvlens.ui.scenario.ScenarioPanel;
import dev.kvlens.model.Estimate;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.imports.ImportViewModel;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The main window's content: menus, scenario panel, tabs (memory chart, imported), status, MLC log. */
public final class MainView extends BorderPane {

    private final EstimatorViewModel viewModel;
    private final ImportViewModel imports;
    private final FileCommands files;
    private final RecentFiles recent;
    private final AboutInfo about;
    private final ChartCard chartCard;
    private final StatusLine status;
    private TourViewModel tour;
    private final LogPane log;
    private final TabPane tabs = new TabPane();
    private final Tab importTab = new Tab();
    private final SplitPane centerSplit = new SplitPane();
    private final CheckMenuItem mapBeside = new CheckMenuItem();
    private CapacityMapView mapView;
    private Tab mapTab;
    private final ToggleGroup scaleGroup = new ToggleGroup();
    private final FileDialogs dialogs;
    private Path lastDirectory;

    private final Screens screens;

    public MainView(Screens screens, FileDialogs dialogs, java.util.function.BooleanSupplier systemPrefersDark) {
        this.screens = screens;
        this.dialogs = dialogs;
        this.viewModel = screens.estimator();
        this.imports = screens.imports();
        this.files = screens.files();
        this.recent = screens.recent();
        this.about = screens.about();
        this.chartCard = new ChartCard(viewModel);
        this.status = new StatusLine(viewModel);
        this.log = new LogPane(viewModel);
        setId("mainView");
        layoutParts();
        CjkFont.follow(this);
        Theme.follow(this, systemPrefersDark);
        chartCard.chart().setOnCompileBar(this::showHelp);
        acceptDrops();
    }

    private void layoutParts() {
        setTop(menuBar());
        ScrollPane left = Viewports.renderDirectly(new ScrollPane(new ScenarioPanel(viewModel, screens.solve(), status, files, dialogs)));
        left.setId("scenarioScroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(430);
        left.setMinWidth(320);
        setLeft(left);
        Tab memoryTab = new Tab();
        memoryTab.setId("memoryTab");
        memoryTab.textProperty().bind(I18n.bind("import.memoryTab"));
        memoryTab.setContent(chartCard);
        importTab.setId("importTab");
        importTab.textProperty().bind(I18n.bind("import.tab"));
        createOnFirstSelection(importTab, () -> {
            ScrollPane importScroll = new ScrollPane(new ImportView(imports));
            importScroll.setFitToWidth(true);
            return importScroll;
        });
        mapTab = tab("mapTab", "map.tab");
        Tab waterfallTab = tab("waterfallTab", "waterfall.tab");
        Tab compareTab = tab("compareTab", "compare.tab");
        Tab schemesTab = tab("schemesTab", "schemes.tab");
        // the trade-off views work only while they are on screen
        mapView = new CapacityMapView(screens.map(), mapTab.selectedProperty().or(mapBeside.selectedProperty()));
        mapTab.setContent(mapView);
        createOnFirstSelection(waterfallTab, () -> new WaterfallView(screens.waterfall(), waterfallTab.selectedProperty()));
        createOnFirstSelection(compareTab, () -> new CompareView(screens.compare(), compareTab.selectedProperty()));
        createOnFirstSelection(schemesTab, () -> new SchemesView(screens.schemes(), schemesTab.selectedProperty()));
        tabs.getTabs().addAll(memoryTab, mapTab, waterfallTab, compareTab, schemesTab, importTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centerTabs");
        centerSplit.setId("centerSplit");
        centerSplit.getItems().add(tabs);
        mapBeside.selectedProperty().subscribe(this::placeMap);
        VBox center = new VBox(6, centerSplit, new dev.kvlens.ui.verdict.VerdictPanel(screens.verdict()), status);
        VBox.setVgrow(centerSplit, Priority.ALWAYS);
        center.setPadding(new Insets(8, 12, 6, 12));
        setCenter(center);
        // on a laptop screen (1366 × 768) the chart, the verdict and the knobs come first; the log is one click away
        log.setExpanded(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() >= 900);
        setBottom(log);
    }

    /**
     * Builds a tab's view when the tab is first selected: until then it costs nothing — no nodes, skins or CSS at
     * start-up, and nothing in the scene graph to walk on every frame.
     */
    private static void createOnFirstSelection(Tab tab, java.util.function.Supplier<javafx.scene.Node> view) {
        if (tab.isSelected()) {
            tab.setContent(view.get());
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable selected) {
                if (tab.isSelected()) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(view.get());
                }
            }
        });
    }

    /** Shows the capacity map beside the tabs (so it stays in view with the chart) or back in its own tab. */
    private void placeMap(boolean beside) {
        if (beside) {
            Label moved = new Label();
            moved.getStyleClass().add(Styles.NOTE);
            moved.setWrapText(true);
            moved.setPadding(new Insets(16));
            moved.textProperty().bind(I18n.bind("map.shownBeside"));
            mapTab.setContent(moved);
            centerSplit.getItems().setAll(tabs, mapView);
            centerSplit.setDividerPositions(0.55);
        } else {
            centerSplit.getItems().setAll(tabs);
            mapTab.setContent(mapView);
        }
    }

    /** Whether the capacity map is shown beside the chart (View menu). */
    public javafx.beans.property.BooleanProperty mapBesideChartProperty() {
        return mapBeside.selectedProperty();
    }

    private static Tab tab(String id, String key) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(I18n.bind(key));
        return tab;
    }

    // ------------------------------------------------------------------ menus

    private MenuBar menuBar() {
        MenuItem open = item("menu.file.open", "openMenuItem", this::open, "Shortcut+O");
        MenuItem openFolder = item("menu.file.openFolder", "openFolderMenuItem", this::openFolder, "Shortcut+Shift+O");
        MenuItem openLocal = item("menu.file.openLocal", "openLocalMenuItem", this::openLocal, "Shortcut+L");
        Menu recentMenu = menu("menu.file.recent");
        recentMenu.setId("recentMenu");
        recent.files().addListener((ListChangeListener<Path>) c -> fillRecent(recentMenu));
        fillRecent(recentMenu);
        MenuItem save = item("menu.file.save", "saveMenuItem", this::saveScenario, "Shortcut+S");
        MenuItem export = item("menu.file.exportPng", "exportPngMenuItem", this::exportPng, "Shortcut+E");
        MenuItem copy = item("menu.file.copyChart", "copyChartMenuItem", this::copyChart, "Shortcut+Shift+C");
        MenuItem csv = item("menu.file.exportCsv", "exportCsvMenuItem", () -> exportBreakdown("csv"), null);
        MenuItem json = item("menu.file.exportJson", "exportJsonMenuItem", () -> exportBreakdown("json"), null);
        Menu scale = menu("menu.file.scale");
        RadioMenuItem one = radio("menu.file.scale1", "scale1MenuItem", scaleGroup, 1.0);
        RadioMenuItem two = radio("menu.file.scale2", "scale2MenuItem", scaleGroup, 2.0);
        two.setSelected(true);
        scale.getItems().addAll(one, two);
        MenuItem quit = item("menu.file.quit", "quitMenuItem", Platform::exit, "Shortcut+Q");
        Menu file = menu("menu.file");
        file.getItems().addAll(open, openFolder, openLocal, recentMenu, save, new SeparatorMenuItem(), export, copy, scale,
                new SeparatorMenuItem(), csv, json, new SeparatorMenuItem(), quit);

        Menu edit = menu("menu.edit");
        edit.getItems().addAll(item("menu.edit.paste", "pasteLogMenuItem", this::pasteLog, "Shortcut+Shift+V"),
                item("menu.edit.copyCommand", "copyCommandMenuItem", this::copyCommand, "Shortcut+Shift+M"));

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem english = radio(null, "languageEnglish", languages, I18n.ENGLISH);
        english.setText("English");
        RadioMenuItem chinese = radio(null, "languageChinese", languages, I18n.CHINESE);
        chinese.setText("简体中文");
        (I18n.locale().equals(I18n.CHINESE) ? chinese : english).setSelected(true);
        languages.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                I18n.setLocale((Locale) now.getUserData());
            }
        });
        Menu language = menu("menu.view.language");
        language.getItems().addAll(english, chinese);
        CheckMenuItem showLog = new CheckMenuItem();
        showLog.setId("showLogMenuItem");
        showLog.textProperty().bind(I18n.bind("menu.view.log"));
        showLog.setSelected(true);
        log.visibleProperty().bind(showLog.selectedProperty());
        log.managedProperty().bind(showLog.selectedProperty());
        ToggleGroup themes = new ToggleGroup();
        Menu theme = menu("menu.view.theme");
        for (Theme t : Theme.values()) {
            RadioMenuItem choice = radio("menu.view.theme." + t.name().toLowerCase(Locale.ROOT),
                    "theme" + t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT), themes, t);
            choice.setSelected(Theme.CHOICE.get() == t);
            theme.getItems().add(choice);
        }
        themes.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                Theme.CHOICE.set((Theme) now.getUserData());
            }
        });
        mapBeside.setId("mapBesideMenuItem");
        mapBeside.textProperty().bind(I18n.bind("menu.view.mapBeside"));
        mapBeside.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        Menu view = menu("menu.view");
        view.getItems().addAll(language, theme, showLog, mapBeside);

        Menu help = menu("menu.help");
        help.getItems().addAll(item("menu.help.why", "whyMenuItem", this::showHelp, "F1"),
                item("menu.help.glossary", "glossaryMenuItem", this::showGlossary, "Shift+F1"),
                item("menu.help.tour", "tourMenuItem", this::startTour, null),
                item("menu.help.about", "aboutMenuItem", this::showAbout, null));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path path : recent.files()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> importFile(path));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private static Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(I18n.bind(key));
        menu.setMnemonicParsing(true);
        return menu;
    }

    private static MenuItem item(String key, String id, Runnable action, String accelerator) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(I18n.bind(key));
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }

    private static RadioMenuItem radio(String key, String id, ToggleGroup group, Object data) {
        RadioMenuItem item = new RadioMenuItem();
        item.setId(id);
        if (key != null) {
            item.textProperty().bind(I18n.bind(key));
        }
        item.setUserData(data);
        item.setToggleGroup(group);
        return item;
    }

    // ------------------------------------------------------------------ import

    private void acceptDrops() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!getStyleClass().contains(Styles.DROP_TARGET)) {
                    getStyleClass().add(Styles.DROP_TARGET);
                }
            }
            e.consume();
        });
        setOnDragExited(e -> getStyleClass().remove(Styles.DROP_TARGET));
        setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().forEach(f -> importFile(f.toPath()));
                done = true;
            } else if (e.getDragboard().hasString()) {
                importText("drop", e.getDragboard().getString());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private void open() {
        dialogs.open(window(), I18n.get("open.title"), lastDirectory, List.of(
                new FileChooser.ExtensionFilter(I18n.get("open.filter"), "*.json", "*.log", "*.txt", "*.so", "*.dylib",
                        "*.dll", "*.wasm", "*.tar"),
                new FileChooser.ExtensionFilter("*", "*"))).forEach(this::importFile);
    }

    private void openFolder() {
        dialogs.openFolder(window(), I18n.get("folder.title"), lastDirectory).ifPresent(this::importFile);
    }

    private void openLocal() {
        new LocalModelsDialog(window(), files).show(this::importFile);
    }

    /** Imports a file (read off the FX thread); a failure shows its message and changes nothing. */
    public CompletableFuture<Void> importFile(Path path) {
        lastDirectory = path.toAbsolutePath().getParent();
        return files.read(path, imports.symbols()).handle((artifact, error) -> {
            Platform.runLater(() -> {
                if (error != null) {
                    fail(I18n.get("import.failed", path.getFileName()), FileCommands.message(error));
                    return;
                }
                String summary;
                try {
                    summary = imports.importArtifact(artifact); // all or nothing: a failure changed nothing
                } catch (IllegalArgumentException e) {
                    fail(I18n.get("import.failed", path.getFileName()), e.getMessage());
                    return;
                }
                recent.use(path);
                status.setText(I18n.get("import.done", summary));
                if (imports.printedRuntimeProperty().get() != null || !imports.functionMibProperty().get().isEmpty()) {
                    tabs.getSelectionModel().select(importTab);
                }
            });
            return null;
        });
    }

    /** Imports text (a pasted or dropped log). */
    public CompletableFuture<Void> importText(String source, String text) {
        return files.parse(source, text, imports.symbols()).handle((artifact, error) -> {
            Platform.runLater(() -> {
                if (error != null) {
                    fail(I18n.get("import.failed", source), FileCommands.message(error));
                    return;
                }
                try {
                    status.setText(I18n.get("import.done", imports.importArtifact(artifact)));
                } catch (IllegalArgumentException e) {
                    fail(I18n.get("import.failed", source), e.getMessage());
                    return;
                }
                tabs.getSelectionModel().select(importTab);
            });
            return null;
        });
    }

    private void pasteLog() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isBlank()) {
            importText("clipboard", text);
        }
    }

    private void copyCommand() {
        try {
            String script = viewModel.commands().script(System.getProperty("os.name", "").startsWith("Windows")
                    ? dev.kvlens.model.MlcCommands.Shell.POWERSHELL : dev.kvlens.model.MlcCommands.Shell.POSIX);
            ClipboardContent content = new ClipboardContent();
            content.putString(script);
            Clipboard.getSystemClipboard().setContent(content);
            status.setText(I18n.get("command.copied", script.lines().reduce((a, b) -> b).orElse(script)));
        } catch (IllegalArgumentException e) {
            fail(I18n.get("error.title"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ export

    private void saveScenario() {
        dialogs.save(window(), I18n.get("save.title"), ChartImages.defaultFileName(viewModel).replace(".png", ".kvlens.json"),
                lastDirectory, new FileChooser.ExtensionFilter(I18n.get("save.filter"), "*.kvlens.json", "*.json"))
                .ifPresent(path -> saveScenarioTo(withExtension(path, ".json")));
    }

    /** Saves the scenario (also used by tests). */
    public CompletableFuture<Void> saveScenarioTo(Path path) {
        try {
            return finish(files.saveScenario(viewModel.document(), path), path, "save.done", true);
        } catch (IllegalArgumentException e) {
            fail(I18n.get("error.title"), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
    }

    private void exportBreakdown(String kind) {
        dialogs.save(window(), I18n.get("export.title"), ChartImages.defaultFileName(viewModel).replace(".png", "." + kind),
                lastDirectory, new FileChooser.ExtensionFilter(kind.toUpperCase(Locale.ROOT), "*." + kind))
                .ifPresent(path -> exportBreakdownTo(withExtension(path, "." + kind), kind));
    }

    /** Writes the breakdown as CSV or JSON (also used by tests). */
    public CompletableFuture<Void> exportBreakdownTo(Path path, String kind) {
        Estimate estimate = viewModel.result().estimate().orElse(null);
        if (estimate == null) {
            fail(I18n.get("error.title"), viewModel.result().error().orElse(""));
            return CompletableFuture.completedFuture(null);
        }
        Function<Estimate, CompletableFuture<Path>> write = "csv".equals(kind)
                ? e -> files.exportCsv(e, path) : e -> files.exportJson(e, path);
        return finish(write.apply(estimate), path, "export.done", false);
    }

    /** File ▸ Export chart as PNG…: choose a file, render at the chosen scale, write off the FX thread. */
    public void exportPng() {
        dialogs.save(window(), I18n.get("export.title"), ChartImages.defaultFileName(viewModel), lastDirectory,
                new FileChooser.ExtensionFilter(I18n.get("export.filter"), "*.png"))
                .ifPresent(path -> exportPngTo(withExtension(path, ".png"), exportScale()));
    }

    /** Renders and writes the chart to a path (also used by tests and the keyboard path). */
    public CompletableFuture<Void> exportPngTo(Path path, double scale) {
        WritableImage image = ChartImages.render(viewModel, ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, scale);
        return finish(files.exportPng(ChartImages.toBufferedImage(image), path), path, "export.done", false);
    }

    private CompletableFuture<Void> finish(CompletableFuture<Path> work, Path path, String doneKey, boolean remember) {
        lastDirectory = path.toAbsolutePath().getParent();
        return work.handle((done, error) -> {
            Platform.runLater(() -> {
                if (error == null) {
                    status.setText(I18n.get(doneKey, done.toString()));
                    if (remember) {
                        recent.use(done);
                    }
                } else {
                    fail(I18n.get("export.failed", path.toString()), FileCommands.message(error));
                }
            });
            return null;
        });
    }

    private void copyChart() {
        WritableImage image = ChartImages.render(viewModel, ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, exportScale());
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
        status.setText(I18n.get("export.copied"));
    }

    // ------------------------------------------------------------------ helpers

    private double exportScale() {
        return scaleGroup.getSelectedToggle() == null ? 2.0 : (Double) scaleGroup.getSelectedToggle().getUserData();
    }

    private static Path withExtension(Path path, String extension) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)
                ? path : path.resolveSibling(path.getFileName() + extension);
    }

    private void fail(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle(I18n.get("app.title"));
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.getDialogPane().setId("errorDialog");
        alert.show();
        status.setText(header + ": " + message);
    }

    /** Help ▸ Why is KV cache 0 MB at compile time? — with this scenario's numbers. */
    public void showHelp() {
        HelpView help = new HelpView(viewModel);
        helpWindow(help, I18n.bind("help.title"), help::dispose);
    }

    /** Help ▸ Glossary: every term of KV Lens and of MLC's logs, in the user's language. */
    public void showGlossary() {
        GlossaryViewModel glossary = new GlossaryViewModel();
        GlossaryView view = new GlossaryView(glossary);
        helpWindow(view, glossary.windowTitleProperty(), view::dispose);
    }

    /** Help ▸ Quick tour (and the first start): five steps, each beside the part of the window it explains. */
    public void startTour() {
        if (getScene() == null) {
            return;
        }
        if (tour == null) {
            tour = new TourViewModel();
            new TourView(tour, getScene()); // the card follows the tour for as long as the window lives
        }
        tour.start();
    }

    /** The tour, while it runs (tests). */
    public java.util.Optional<TourViewModel> tour() {
        return java.util.Optional.ofNullable(tour);
    }

    /** A window beside the main one, styled like it, closed with Escape; {@code dispose} runs when it is hidden. */
    private void helpWindow(javafx.scene.Parent content, javafx.beans.value.ObservableValue<String> title,
                            Runnable dispose) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(window());
        stage.titleProperty().bind(title);
        javafx.scene.Scene scene = new javafx.scene.Scene(content);
        if (getScene() != null) {
            scene.getStylesheets().addAll(getScene().getStylesheets());
        }
        content.getStyleClass().addAll(getStyleClass().filtered(c -> c.startsWith("font-cjk") || c.equals(Theme.DARK_CLASS)));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> dispose.run());
        stage.show();
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle(I18n.get("about.title"));
        alert.setHeaderText(I18n.get("about.header", about.version()));
        alert.setContentText(I18n.get("about.body", about.rulesLabel(), about.mlcCommit()));
        alert.setGraphic(new javafx.scene.image.ImageView(new javafx.scene.image.Image(
                MainView.class.getResource("/assets/icons/kvlens-64.png").toExternalForm())));
        alert.getDialogPane().setId("aboutDialog");
        alert.show();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    public ChartCard chartCard() {
        return chartCard;
    }

    public LogPane logPane() {
        return log;
    }

    public TabPane tabs() {
        return tabs;
    }
}
