package dev.kvlens.ui.shell;

import dev.kvlens.text.Language;
import dev.kvlens.ui.common.Theme;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** The window's menus: texts from the shell view model, each item a one-line call into the main view. */
final class MainMenu {

    /** What the menu items do (the main view implements them). */
    interface Actions {
        void open();

        void openFolder();

        void openLocal();

        void saveScenario();

        void exportPng();

        void copyChart();

        void exportBreakdown(String kind);

        void pasteLog();

        void copyCommand();

        void showHelp();

        void manageImportedModels();

        void showGlossary();

        void startTour();

        void showAbout();
    }

    private final ShellViewModel vm;
    private final Actions actions;
    private final Consumer<Path> openRecent;
    private final ToggleGroup scaleGroup = new ToggleGroup();
    private final CheckMenuItem showLog = new CheckMenuItem();
    private final CheckMenuItem mapBeside = new CheckMenuItem();
    private final MenuBar bar;

    MainMenu(ShellViewModel vm, Actions actions, Consumer<Path> openRecent) {
        this.vm = vm;
        this.actions = actions;
        this.openRecent = openRecent;
        bar = new MenuBar(file(), edit(), view(), help());
        bar.setId("menuBar");
    }

    MenuBar bar() {
        return bar;
    }

    /** The PNG scale chosen under File ▸ Scale. */
    double exportScale() {
        return scaleGroup.getSelectedToggle() == null ? 2.0 : (Double) scaleGroup.getSelectedToggle().getUserData();
    }

    /** View ▸ MLC log. */
    BooleanProperty showLogProperty() {
        return showLog.selectedProperty();
    }

    /** View ▸ Capacity map beside the chart. */
    BooleanProperty mapBesideProperty() {
        return mapBeside.selectedProperty();
    }

    private Menu file() {
        Menu recentMenu = menu("menu.file.recent");
        recentMenu.setId("recentMenu");
        vm.recentEntries().addListener((ListChangeListener<ShellViewModel.RecentEntry>) c -> fillRecent(recentMenu));
        fillRecent(recentMenu);
        Menu scale = menu("menu.file.scale");
        RadioMenuItem two = radio("menu.file.scale2", "scale2MenuItem", scaleGroup, 2.0);
        scale.getItems().addAll(radio("menu.file.scale1", "scale1MenuItem", scaleGroup, 1.0), two);
        two.setSelected(true);
        Menu file = menu("menu.file");
        file.getItems().addAll(item("menu.file.open", "openMenuItem", actions::open, "Shortcut+O"),
                item("menu.file.openFolder", "openFolderMenuItem", actions::openFolder, "Shortcut+Shift+O"),
                item("menu.file.openLocal", "openLocalMenuItem", actions::openLocal, "Shortcut+L"), recentMenu,
                item("models.manage", "manageModelsMenuItem", actions::manageImportedModels, null),
                item("menu.file.save", "saveMenuItem", actions::saveScenario, "Shortcut+S"), new SeparatorMenuItem(),
                item("menu.file.exportPng", "exportPngMenuItem", actions::exportPng, "Shortcut+E"),
                item("menu.file.copyChart", "copyChartMenuItem", actions::copyChart, "Shortcut+Shift+C"), scale,
                new SeparatorMenuItem(),
                item("menu.file.exportCsv", "exportCsvMenuItem", () -> actions.exportBreakdown("csv"), null),
                item("menu.file.exportJson", "exportJsonMenuItem", () -> actions.exportBreakdown("json"), null),
                new SeparatorMenuItem(), item("menu.file.quit", "quitMenuItem", Platform::exit, "Shortcut+Q"));
        return file;
    }

    private Menu edit() {
        Menu edit = menu("menu.edit");
        edit.getItems().addAll(item("menu.edit.paste", "pasteLogMenuItem", actions::pasteLog, "Shortcut+Shift+V"),
                item("menu.edit.copyCommand", "copyCommandMenuItem", actions::copyCommand, "Shortcut+Shift+M"));
        return edit;
    }

    private Menu view() {
        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem english = radio(null, "languageEnglish", languages, Language.ENGLISH);
        english.setText("English");
        RadioMenuItem chinese = radio(null, "languageChinese", languages, Language.CHINESE);
        chinese.setText("简体中文");
        (Language.locale().equals(Language.CHINESE) ? chinese : english).setSelected(true);
        languages.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                Language.set((Locale) now.getUserData());
            }
        });
        Menu language = menu("menu.view.language");
        language.getItems().addAll(english, chinese);
        showLog.setId("showLogMenuItem");
        showLog.textProperty().bind(vm.text("menu.view.log"));
        showLog.setSelected(true);
        ToggleGroup themes = new ToggleGroup();
        Menu theme = menu("menu.view.theme");
        for (Theme t : Theme.values()) {
            String name = t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT);
            RadioMenuItem choice = radio("menu.view.theme." + t.name().toLowerCase(Locale.ROOT), "theme" + name, themes, t);
            choice.setSelected(Theme.CHOICE.get() == t);
            theme.getItems().add(choice);
        }
        themes.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) {
                Theme.CHOICE.set((Theme) now.getUserData());
            }
        });
        mapBeside.setId("mapBesideMenuItem");
        mapBeside.textProperty().bind(vm.text("menu.view.mapBeside"));
        mapBeside.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        Menu view = menu("menu.view");
        view.getItems().addAll(language, theme, showLog, mapBeside);
        return view;
    }

    private Menu help() {
        Menu help = menu("menu.help");
        help.getItems().addAll(item("menu.help.why", "whyMenuItem", actions::showHelp, "F1"),
                item("menu.help.glossary", "glossaryMenuItem", actions::showGlossary, "Shift+F1"),
                item("menu.help.tour", "tourMenuItem", actions::startTour, null),
                item("menu.help.about", "aboutMenuItem", actions::showAbout, null));
        return help;
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (ShellViewModel.RecentEntry entry : vm.recentEntries()) {
            MenuItem item = new MenuItem(entry.label());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openRecent.accept(entry.path()));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(vm.text(key));
        menu.setMnemonicParsing(true);
        return menu;
    }

    private MenuItem item(String key, String id, Runnable action, String accelerator) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(vm.text(key));
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        return item;
    }

    private RadioMenuItem radio(String key, String id, ToggleGroup group, Object data) {
        RadioMenuItem item = new RadioMenuItem();
        item.setId(id);
        if (key != null) {
            item.textProperty().bind(vm.text(key));
        }
        item.setUserData(data);
        item.setToggleGroup(group);
        return item;
    }
}
