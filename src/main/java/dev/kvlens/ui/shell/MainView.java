package dev.kvlens.ui.shell;

import dev.kvlens.ui.chart.ChartCard;
import dev.kvlens.ui.chart.ChartImages;
import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.LazyTabs;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.Theme;
import dev.kvlens.ui.common.Viewports;
import dev.kvlens.ui.explore.compare.CompareView;
import dev.kvlens.ui.explore.map.CapacityMapView;
import dev.kvlens.ui.explore.solve.SolveView;
import dev.kvlens.ui.explore.waterfall.WaterfallView;
import dev.kvlens.ui.explore.schemes.SchemesView;
import dev.kvlens.ui.verdict.VerdictPanel;
import dev.kvlens.ui.imports.ImportView;
import dev.kvlens.ui.log.LogPane;
import dev.kvlens.ui.scenario.ImportedModelsDialog;
import dev.kvlens.ui.scenario.ScenarioPanel;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The main window's content, the one place that composes the slices: menus, scenario panel, tabs (memory chart,
 * trade-off screens, imported), status line and MLC log. Texts and commands come from {@link ShellViewModel}.
 */
public final class MainView extends BorderPane implements MainMenu.Actions {

    private final Screens screens;
    private final ShellViewModel shell;
    private final FileDialogs fileDialogs;
    private final Dialogs dialogs;
    private final MainMenu menu;
    private final ChartCard chartCard;
    private final StatusLine status;
    private final LogPane log;
    private final TabPane tabs = new TabPane();
    private final Tab importTab = new Tab();
    private final SplitPane centerSplit = new SplitPane();
    private final CapacityMapView mapView;
    private final Tab mapTab;

    public MainView(Screens screens, FileDialogs fileDialogs, java.util.function.BooleanSupplier systemPrefersDark) {
        this.screens = screens;
        this.shell = screens.shell();
        this.fileDialogs = fileDialogs;
        this.dialogs = new Dialogs(shell, this);
        this.menu = new MainMenu(shell, this, this::importFile);
        this.chartCard = new ChartCard(screens.chart());
        this.status = new StatusLine(shell);
        this.log = new LogPane(screens.log());
        this.mapTab = tab("mapTab", "map.tab");
        // the trade-off views work only while they are on screen
        this.mapView = new CapacityMapView(screens.map(), mapTab.selectedProperty().or(menu.mapBesideProperty()));
        setId("mainView");
        layoutParts();
        bindToViewModel(systemPrefersDark);
    }

    private void layoutParts() {
        setTop(menu.bar());
        ScrollPane left = Viewports.renderDirectly(new ScrollPane(new ScenarioPanel(screens.scenario(), shell::report,
                screens.files(), fileDialogs, new SolveView(screens.solve(), shell::report))));
        left.setId("scenarioScroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(430);
        left.setMinWidth(320);
        setLeft(left);
        Tab memoryTab = tab("memoryTab", "import.memoryTab");
        memoryTab.setContent(chartCard);
        importTab.setId("importTab");
        importTab.textProperty().bind(shell.text("import.tab"));
        LazyTabs.createOnFirstSelection(importTab, () -> ImportView.scrolled(screens.imports()));
        mapTab.setContent(mapView);
        Tab waterfallTab = tab("waterfallTab", "waterfall.tab");
        Tab compareTab = tab("compareTab", "compare.tab");
        LazyTabs.createOnFirstSelection(waterfallTab, () -> new WaterfallView(screens.waterfall(), waterfallTab.selectedProperty()));
        LazyTabs.createOnFirstSelection(compareTab, () -> new CompareView(screens.compare(), compareTab.selectedProperty()));
        Tab schemesTab = tab("schemesTab", "schemes.tab");
        LazyTabs.createOnFirstSelection(schemesTab, () -> new SchemesView(screens.schemes(), schemesTab.selectedProperty()));
        tabs.getTabs().addAll(memoryTab, mapTab, waterfallTab, compareTab, schemesTab, importTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("centerTabs");
        centerSplit.setId("centerSplit");
        centerSplit.getItems().add(tabs);
        VBox center = new VBox(6, centerSplit, new VerdictPanel(screens.verdict()), status);
        VBox.setVgrow(centerSplit, Priority.ALWAYS);
        center.setPadding(new Insets(8, 12, 6, 12));
        setCenter(center);
        setBottom(log);
    }

    private void bindToViewModel(java.util.function.BooleanSupplier systemPrefersDark) {
        CjkFont.follow(this);
        Theme.follow(this, systemPrefersDark);
        log.visibleProperty().bind(menu.showLogProperty());
        log.managedProperty().bind(menu.showLogProperty());
        menu.mapBesideProperty().subscribe(this::placeMap);
        shell.problemProperty().subscribe(problem -> {
            if (problem != null) {
                dialogs.showProblem(problem);
            }
        });
        chartCard.chart().setActions(this::showHelp, term -> { screens.glossary().show(term); showGlossary(); });
        FileDrops.accept(this, this::importFile, text -> importText("drop", text));
    }

    /** Shows the capacity map beside the tabs (so it stays in view with the chart) or back in its own tab. */
    private void placeMap(boolean beside) {
        if (beside) {
            Label moved = new Label();
            moved.getStyleClass().add(Styles.NOTE);
            moved.setWrapText(true);
            moved.setPadding(new Insets(16));
            moved.textProperty().bind(shell.text("map.shownBeside"));
            mapTab.setContent(moved);
            centerSplit.getItems().setAll(tabs, mapView);
            centerSplit.setDividerPositions(0.55);
        } else {
            centerSplit.getItems().setAll(tabs);
            mapTab.setContent(mapView);
        }
    }

    /** Whether the capacity map is shown beside the chart (View menu). */
    public BooleanProperty mapBesideChartProperty() {
        return menu.mapBesideProperty();
    }

    private Tab tab(String id, String key) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(shell.text(key));
        return tab;
    }

    // ------------------------------------------------------------------ menu actions

    @Override
    public void open() {
        fileDialogs.open(dialogs.window(), shell.textNow("open.title"), shell.lastDirectory(), List.of(
                new FileChooser.ExtensionFilter(shell.textNow("open.filter"), "*.json", "*.log", "*.txt", "*.so",
                        "*.dylib", "*.dll", "*.wasm", "*.tar"),
                new FileChooser.ExtensionFilter("*", "*"))).forEach(this::importFile);
    }

    @Override
    public void openFolder() {
        fileDialogs.openFolder(dialogs.window(), shell.textNow("folder.title"), shell.lastDirectory())
                .ifPresent(this::importFile);
    }

    @Override
    public void openLocal() {
        new LocalModelsDialog(dialogs.window(), shell.localModels()).show(this::importFile);
    }

    /** Imports a file (read off the FX thread); a failure shows its message and changes nothing. */
    public CompletableFuture<Void> importFile(Path path) {
        return shell.importFile(path).thenAccept(show -> {
            if (show) {
                tabs.getSelectionModel().select(importTab);
            }
        });
    }

    /** Imports text (a pasted or dropped log). */
    public CompletableFuture<Void> importText(String source, String text) {
        return shell.importText(source, text).thenAccept(imported -> {
            if (imported) {
                tabs.getSelectionModel().select(importTab);
            }
        });
    }

    @Override
    public void pasteLog() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isBlank()) {
            importText("clipboard", text);
        }
    }

    @Override
    public void copyCommand() {
        shell.mlcServeScript(System.getProperty("os.name", "").startsWith("Windows")).ifPresent(script -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(script);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @Override
    public void saveScenario() {
        fileDialogs.save(dialogs.window(), shell.textNow("save.title"), defaultName(".kvlens.json"),
                shell.lastDirectory(), new FileChooser.ExtensionFilter(shell.textNow("save.filter"), "*.kvlens.json",
                        "*.json")).ifPresent(path -> saveScenarioTo(FileDialogs.withExtension(path, ".json")));
    }

    /** Saves the scenario (also used by tests). */
    public CompletableFuture<Void> saveScenarioTo(Path path) {
        return shell.saveScenarioTo(path);
    }

    @Override
    public void exportBreakdown(String kind) {
        fileDialogs.save(dialogs.window(), shell.textNow("export.title"), defaultName("." + kind), shell.lastDirectory(),
                new FileChooser.ExtensionFilter(kind.toUpperCase(Locale.ROOT), "*." + kind))
                .ifPresent(path -> exportBreakdownTo(FileDialogs.withExtension(path, "." + kind), kind));
    }

    /** Writes the breakdown as CSV or JSON (also used by tests). */
    public CompletableFuture<Void> exportBreakdownTo(Path path, String kind) {
        return shell.exportBreakdownTo(path, kind);
    }

    /** File ▸ Export chart as PNG…: choose a file, render at the chosen scale, write off the FX thread. */
    @Override
    public void exportPng() {
        fileDialogs.save(dialogs.window(), shell.textNow("export.title"), defaultName(".png"), shell.lastDirectory(),
                new FileChooser.ExtensionFilter(shell.textNow("export.filter"), "*.png"))
                .ifPresent(path -> exportPngTo(FileDialogs.withExtension(path, ".png"), menu.exportScale()));
    }

    /** Renders and writes the chart to a path (also used by tests and the keyboard path). */
    public CompletableFuture<Void> exportPngTo(Path path, double scale) {
        return shell.exportPngTo(ChartImages.toBufferedImage(render(scale)), path);
    }

    @Override
    public void copyChart() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(render(menu.exportScale()));
        Clipboard.getSystemClipboard().setContent(content);
        shell.report(shell.textNow("export.copied"));
    }

    private WritableImage render(double scale) {
        return ChartImages.render(screens.chart(), ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, scale);
    }

    private String defaultName(String extension) {
        return ChartImages.defaultFileName(screens.estimator()).replace(".png", extension);
    }

    @Override
    public void showHelp() {
        dialogs.showHelp(screens.help());
    }

    @Override
    public void showGlossary() {
        dialogs.showGlossary(screens.glossary());
    }

    @Override
    public void startTour() {
        dialogs.startTour(screens.tour());
    }

    @Override
    public void manageImportedModels() {
        ImportedModelsDialog.show(getScene() == null ? null : getScene().getWindow(), screens.scenario());
    }

    @Override
    public void showAbout() {
        dialogs.showAbout(screens.about());
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
