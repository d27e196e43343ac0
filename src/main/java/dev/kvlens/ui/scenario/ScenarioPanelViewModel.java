package dev.kvlens.ui.scenario;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.RuleSet;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every word the scenario panel shows — row labels and tooltips, the engine modes, what the pickers name their items,
 * where the device's figure comes from (rules §3.2), the model menu and the imported-models dialog — following a live
 * language switch, so the panel's views only bind. The knobs' words are their {@link KnobViewModel}s'.
 */
public final class ScenarioPanelViewModel {

    private final EstimatorViewModel estimator;
    private final ObservableValue<String> deviceTip;
    private final ObservableValue<String> removeShown;
    private final DraftModelsViewModel draftModels;
    private final KnobsViewModel knobs;
    private final DeviceMemoryInput deviceMemory;

    public ScenarioPanelViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        this.deviceTip = Bindings.createStringBinding(() -> deviceTip(estimator.deviceProperty().get()),
                estimator.deviceProperty(), Language.localeProperty());
        this.removeShown = Bindings.createStringBinding(() -> Language.get("models.removeShown",
                estimator.modelProperty().get().name()), estimator.modelProperty(), Language.localeProperty());
        this.draftModels = new DraftModelsViewModel(estimator);
        this.knobs = new KnobsViewModel(estimator);
        this.deviceMemory = new DeviceMemoryInput(estimator);
    }

    /** The estimator the panel's controls edit. */
    public EstimatorViewModel estimator() {
        return estimator;
    }

    /** The "Draft models" row (rules §3.8). */
    public DraftModelsViewModel draftModels() {
        return draftModels;
    }

    /** The device memory field: its text, validation and message. */
    public DeviceMemoryInput deviceMemory() {
        return deviceMemory;
    }

    /** The trade-off knobs (rules §3.5). */
    public KnobsViewModel knobs() {
        return knobs;
    }

    /** A fixed text of the panel (section titles, row labels and their tooltips, the model prompt). */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** A mode's name as MLC spells it on its command line ({@code --mode local}), in the user's language. */
    public ObservableValue<String> modeName(EngineMode mode) {
        return Language.text("mode." + mode.mlcName());
    }

    /** How the device picker names its items: "Custom", "name (detected)" or the preset's name. */
    public ObservableValue<Function<DeviceOption, String>> deviceNames() {
        return named(ScenarioPanelViewModel::deviceName);
    }

    /** How the rules picker names the MLC-LLM versions. */
    public ObservableValue<Function<RuleSet, String>> ruleNames() {
        return named((language, rules) -> Messages.format(language, "rules." + rules.id()));
    }

    /** Where the chosen device's figure comes from (rules §3.2): exact only when a public log printed those bytes. */
    public ObservableValue<String> deviceTipProperty() {
        return deviceTip;
    }

    /** The model menu's "remove the model shown" item, naming it. */
    public ObservableValue<String> removeShownProperty() {
        return removeShown;
    }

    /** The model menu's "manage" item: the menu's text without its mnemonic marker (a menu button shows it raw). */
    public ObservableValue<String> manageProperty() {
        return Language.localeProperty().map(l -> Messages.format(l, "models.manage")
                .replaceAll("\\(_.\\)", "").replace("_", ""));
    }

    /** An imported model as the manage dialog lists it: its name and where it came from. */
    public static String importedEntry(ModelDescription model) {
        return model.name() + "  ·  " + model.source();
    }

    static String deviceName(Locale language, DeviceOption d) {
        return d.custom() ? Messages.format(language, "scenario.device.custom")
                : d.detected() ? Messages.format(language, "scenario.device.detected", d.name()) : d.name();
    }

    private static String deviceTip(DeviceOption d) {
        if (d == null || d.custom() || d.provenance().isEmpty()) {
            return Language.get("scenario.deviceMemory.tooltip");
        }
        return Language.get(d.exact() ? "scenario.device.figure.exact" : "scenario.device.figure.approximate",
                d.provenance());
    }

    /** A naming that is a new function on every switch, so a picker that follows it re-words what it shows. */
    private static <T> ObservableValue<Function<T, String>> named(BiFunction<Locale, T, String> name) {
        return Language.localeProperty().map(language -> item -> name.apply(language, item));
    }
}
