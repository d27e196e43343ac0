package dev.kvlens.ui.scenario;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.FileCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scenario panel shows in words, published by its view models (issue 13: views only bind), in English and in
 * Chinese and again after a live switch. Expected texts are the bundles' wording, written out by hand.
 */
class ScenarioPanelViewModelTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final ScenarioPanelViewModel vm = new ScenarioPanelViewModel(estimator);

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    private static final DeviceOption CUSTOM = new DeviceOption(DeviceOption.CUSTOM_ID, "Custom device", Backend.CUDA, 1L << 34);
    private static final DeviceOption DETECTED = new DeviceOption("detected-0", "NVIDIA GeForce RTX 3060", Backend.CUDA,
            12L << 30, true, true, "nvidia-smi");
    private static final DeviceOption PRESET = new DeviceOption("a100", "NVIDIA A100 80GB", Backend.CUDA, 80L << 30,
            false, false, "datasheet 80 GB");

    @Test
    void theDevicePickerNamesCustomDetectedAndPresetDevicesInEitherLanguage() {
        Function<DeviceOption, String> names = vm.deviceNames().getValue();
        assertThat(List.of(CUSTOM, DETECTED, PRESET).stream().map(names).toList())
                .containsExactly("Custom", "NVIDIA GeForce RTX 3060 (detected)", "NVIDIA A100 80GB");
        Language.set(Language.CHINESE);
        Function<DeviceOption, String> chinese = vm.deviceNames().getValue();
        assertThat(List.of(CUSTOM, DETECTED, PRESET).stream().map(chinese).toList())
                .containsExactly("自定义", "NVIDIA GeForce RTX 3060（已检测到）", "NVIDIA A100 80GB");
    }

    @Test
    void aPickerThatFollowsTheNamesGetsANewNamingOnEverySwitch() {
        List<Function<DeviceOption, String>> seen = new java.util.ArrayList<>();
        var names = vm.deviceNames();
        names.subscribe(f -> seen.add(f));
        Language.set(Language.CHINESE);
        Language.set(Language.ENGLISH);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).apply(CUSTOM)).isEqualTo("自定义");
        assertThat(seen.get(2).apply(CUSTOM)).isEqualTo("Custom");
    }

    @Test
    void theRulesAndModesAreNamedAsMlcNamesThem() {
        assertThat(vm.ruleNames().getValue().apply(RuleSet.D2025)).isEqualTo("MLC-LLM ≥ v0.20 (2025 rules)");
        assertThat(vm.modeName(EngineMode.SERVER).getValue()).isEqualTo("server");
        Language.set(Language.CHINESE);
        assertThat(vm.ruleNames().getValue().apply(RuleSet.D2025)).isEqualTo("MLC-LLM ≥ v0.20（2025 规则）");
        assertThat(vm.modeName(EngineMode.LOCAL).getValue()).isEqualTo("local"); // MLC's --mode word, untranslated
    }

    @Test
    void theDeviceTooltipSaysWhereTheFigureComesFromAndFollowsDeviceAndLanguage() {
        var tip = vm.deviceTipProperty();
        estimator.devices().addAll(DETECTED, PRESET);
        estimator.deviceProperty().set(DETECTED);
        assertThat(tip.getValue()).isEqualTo("Exact: the driver printed these bytes in a public log. nvidia-smi");
        estimator.deviceProperty().set(PRESET);
        assertThat(tip.getValue()).isEqualTo("Approximate: datasheet 80 GB");
        Language.set(Language.CHINESE);
        assertThat(tip.getValue()).isEqualTo("近似值：datasheet 80 GB");
        estimator.deviceProperty().set(estimator.devices().stream().filter(DeviceOption::custom).findFirst().orElseThrow());
        assertThat(tip.getValue()).startsWith("驱动报告的设备总显存");
    }

    @Test
    void theModelMenuNamesTheModelShownAndDropsTheMnemonicMarker() {
        assertThat(vm.removeShownProperty().getValue()).isEqualTo("Remove “" + estimator.modelProperty().get().name()
                + "” from the list");
        assertThat(vm.manageProperty().getValue()).isEqualTo("Manage imported models…");
        Language.set(Language.CHINESE);
        assertThat(vm.removeShownProperty().getValue()).isEqualTo("从列表中移除“" + estimator.modelProperty().get().name() + "”");
        assertThat(vm.manageProperty().getValue()).isEqualTo("管理导入的模型…");
    }

    @Test
    void aKnobSaysWhetherItIsARuntimeOverrideOrNeedsARecompile() {
        KnobViewModel prefill = vm.knobs().prefill();
        estimator.prefillIsRuntimeOverrideProperty().set(false);
        assertThat(prefill.badgeProperty().getValue()).isEqualTo("needs recompile");
        assertThat(prefill.autoAllowed()).isFalse(); // the compiled chunk is always a number
        estimator.prefillIsRuntimeOverrideProperty().set(true);
        assertThat(prefill.badgeProperty().getValue()).isEqualTo("runtime override");
        assertThat(prefill.autoAllowed()).isTrue();
        Language.set(Language.CHINESE);
        assertThat(prefill.badgeProperty().getValue()).isEqualTo("运行时覆盖");
        assertThat(vm.knobs().batch().promptProperty().get()).isEqualTo("自动");
        assertThat(vm.knobs().batch().titleProperty().getValue()).isNotEqualTo("Batch size");
    }

    @Test
    void theDraftRowsAndTheStatusMessagesFollowTheLanguage() {
        DraftModelsViewModel drafts = vm.draftModels();
        FileCommands files = new FileCommands(DraftModelsViewModelTest.reading(Map.of(
                "draft", new Artifact.ModelFolder("Llama-3.2-1B-q4f16_1-MLC", DraftModelsViewModelTest.draftDescription(),
                        Optional.of(ByteFigure.given(DraftModelsViewModelTest.P2, "tensor cache")), Optional.empty()))),
                Runnable::run);
        assertThat(drafts.rowsProperty().getValue()).isEmpty();
        var model = drafts.read(files, Path.of("draft")).join();
        assertThat(drafts.adopt(Path.of("draft"), model, null)).isEqualTo("Added the draft model Llama-3.2-1B draft");
        assertThat(drafts.rowsProperty().getValue()).containsExactly(new DraftModelsViewModel.Row(
                "Llama-3.2-1B draft (q4f16_1)", "Remove the draft model Llama-3.2-1B draft"));
        Language.set(Language.CHINESE);
        assertThat(drafts.rowsProperty().getValue()).containsExactly(new DraftModelsViewModel.Row(
                "Llama-3.2-1B draft（q4f16_1）", "移除草稿模型 Llama-3.2-1B draft"));
        Throwable missing = drafts.read(files, Path.of("dir", "missing.json")).handle((m, e) -> e).join();
        assertThat(drafts.adopt(Path.of("dir", "missing.json"), null, missing))
                .startsWith("无法添加草稿模型 missing.json：").contains("does not exist");
        assertThat(estimator.additionalModels()).hasSize(1); // a failure adds nothing
        drafts.remove(0);
        assertThat(drafts.rowsProperty().getValue()).isEmpty();
    }
}
