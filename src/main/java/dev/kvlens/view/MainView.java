package dev.kvlens.view;

import dev.kvlens.viewmodel.EstimatorViewModel;
import dev.kvlens.viewmodel.ExportCommand;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/** The main window's content: menu, scenario panel, chart card with status, MLC log. */
public final class MainView extends BorderPane {

    private final EstimatorViewModel viewModel;
    private final ExportCommand exportCommand;
    private final AboutInfo about;
    private final ChartCard chartCard;
    private final StatusLine status;
    private final LogPane log;
    private final ToggleGroup scaleGroup = new ToggleGroup();
    private Path lastExportDirectory;

    public MainView(EstimatorViewModel viewModel, ExportCommand exportCommand, AboutInfo about) {
        this.viewModel = viewModel;
        this.exportCommand = exportCommand;
        this.about = about;
        this.chartCard = new ChartCard(viewModel);
        this.status = new StatusLine(viewModel);
        this.log = new LogPane(viewModel);
        setId("mainView");
        layoutParts();
        CjkFont.follow(this);
    }

    private void layoutParts() {
        setTop(menuBar());
        ScrollPane left = new ScrollPane(new ScenarioPanel(viewModel));
        left.setId("scenarioScroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(430);
        left.setMinWidth(320);
        setLeft(left);
        VBox center = new VBox(8, chartCard, status);
        VBox.setVgrow(chartCard, Priority.ALWAYS);
        center.setPadding(new Insets(12, 12, 6, 12));
        setCenter(center);
        setBottom(log);
    }

    private MenuBar menuBar() {
        MenuItem export = item("menu.file.exportPng", "exportPngMenuItem", this::exportPng);
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        MenuItem copy = item("menu.file.copyChart", "copyChartMenuItem", this::copyChart);
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        Menu scale = menu("menu.file.scale");
        RadioMenuItem one = radio("menu.file.scale1", "scale1MenuItem", scaleGroup, 1.0);
        RadioMenuItem two = radio("menu.file.scale2", "scale2MenuItem", scaleGroup, 2.0);
        two.setSelected(true);
        scale.getItems().addAll(one, two);
        MenuItem quit = item("menu.file.quit", "quitMenuItem", Platform::exit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = menu("menu.file");
        file.getItems().addAll(export, copy, scale, new SeparatorMenuItem(), quit);

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
        Menu view = menu("menu.view");
        view.getItems().addAll(language, showLog);

        Menu help = menu("menu.help");
        help.getItems().add(item("menu.help.about", "aboutMenuItem", this::showAbout));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private static Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(I18n.bind(key));
        menu.setMnemonicParsing(true);
        return menu;
    }

    private static MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(I18n.bind(key));
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
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

    private double exportScale() {
        return scaleGroup.getSelectedToggle() == null ? 2.0 : (Double) scaleGroup.getSelectedToggle().getUserData();
    }

    /** File ▸ Export chart as PNG…: choose a file, render at the chosen scale, write off the FX thread. */
    public void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.get("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("export.filter"), "*.png"));
        chooser.setInitialFileName(ChartImages.defaultFileName(viewModel));
        if (lastExportDirectory != null) {
            chooser.setInitialDirectory(lastExportDirectory.toFile());
        }
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            Path path = file.toPath().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                    ? file.toPath() : file.toPath().resolveSibling(file.getName() + ".png");
            exportPngTo(path, exportScale());
        }
    }

    /** Renders and writes the chart to a path (also used by tests and the keyboard path). */
    public void exportPngTo(Path path, double scale) {
        WritableImage image = ChartImages.render(viewModel, ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, scale);
        lastExportDirectory = path.toAbsolutePath().getParent();
        exportCommand.exportPng(ChartImages.toBufferedImage(image), path).whenComplete((done, error) ->
                Platform.runLater(() -> {
                    if (error == null) {
                        status.setText(I18n.get("export.done", done.toString()));
                    } else {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        Alert alert = new Alert(Alert.AlertType.ERROR);
                        alert.initOwner(window());
                        alert.setTitle(I18n.get("export.title"));
                        alert.setHeaderText(I18n.get("export.failed", path.toString()));
                        alert.setContentText(cause.getMessage());
                        alert.show();
                    }
                }));
    }

    private void copyChart() {
        WritableImage image = ChartImages.render(viewModel, ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, exportScale());
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        status.setText(I18n.get("export.copied"));
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle(I18n.get("about.title"));
        alert.setHeaderText(I18n.get("about.header", about.version()));
        alert.setContentText(I18n.get("about.body", about.rulesLabel(), about.mlcCommit()));
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
}
