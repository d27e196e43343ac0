package dev.kvlens.ui.scenario;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario panel's typed fields validate in their view models (issue 13, style rule 2): the device memory in GiB
 * (above 0, at most 1 PiB = 2^50 bytes = 1,048,576 GiB) and the knobs (whole numbers from 1 to 2^31 − 1, MLC's int;
 * empty or "Auto" where Auto is a value). Byte counts are hand arithmetic: 1 GiB = 1,073,741,824 bytes.
 */
class FieldValidationTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final ScenarioPanelViewModel panel = new ScenarioPanelViewModel(estimator);
    private final DeviceMemoryInput memory = panel.deviceMemory();

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theFieldShowsThePresetsSizeInGibAndRetypingItKeepsThePreset() {
        // the RTX 4090's 24,217.3125 MiB = 23.6497… GiB
        assertThat(memory.textProperty().get()).isEqualTo("23.65");
        memory.commit();
        assertThat(estimator.deviceProperty().get().id()).isEqualTo("rtx-4090");
        assertThat(memory.invalidProperty().get()).isFalse();
    }

    @ParameterizedTest(name = "{0} GiB is {1} bytes")
    @CsvSource({"16, 17179869184", "0.5, 536870912", "1048576, 1125899906842624", "1e1, 10737418240"})
    void aSizeTypedForAPresetMakesACustomDeviceOfItsBackend(String typed, long bytes) {
        DeviceOption preset = estimator.deviceProperty().get();
        memory.textProperty().set(typed);
        memory.commit();
        assertThat(estimator.deviceProperty().get().custom()).isTrue();
        assertThat(estimator.customDeviceBytesProperty().get()).isEqualTo(bytes);
        assertThat(estimator.customBackendProperty().get()).isEqualTo(preset.backend());
        assertThat(memory.errorProperty().get()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"0", "-3", "abc", "", "1048576.01", "0.0000000001", "NaN", "1e400"})
    void aSizeKvLensDoesNotTakeKeepsTheDeviceAndSaysWhy(String typed) {
        memory.textProperty().set(typed);
        memory.commit();
        assertThat(estimator.deviceProperty().get().id()).isEqualTo("rtx-4090");
        assertThat(memory.invalidProperty().get()).isTrue();
        assertThat(memory.textProperty().get()).isEqualTo(typed); // what was typed stays to be corrected
        assertThat(memory.errorProperty().get()).isEqualTo("Enter a size in GiB above 0 and at most 1048576 (1 PiB).");
        Language.set(Language.CHINESE);
        assertThat(memory.errorProperty().get()).isEqualTo("请输入大于 0 且不超过 1048576 的显存大小（GiB，即 1 PiB）。");
    }

    @Test
    void choosingAnotherDeviceClearsTheRefusal() {
        memory.textProperty().set("-1");
        memory.commit();
        estimator.deviceProperty().set(estimator.devices().get(0));
        assertThat(memory.invalidProperty().get()).isFalse();
        assertThat(memory.errorProperty().get()).isEmpty();
    }

    @ParameterizedTest(name = "batch \"{0}\" gives {1}")
    @CsvSource(value = {"16|16", "1,024|1024", "2_048|2048", "|0", "auto|0", "AUTO|0", "1|1", "2147483647|2147483647"},
            delimiter = '|')
    void theBatchFieldTakesWholeNumbersAndAuto(String typed, int expected) {
        KnobViewModel batch = panel.knobs().batch();
        estimator.batchSizeProperty().set(8);
        batch.textProperty().set(typed == null ? "" : typed);
        batch.commit();
        assertThat(batch.invalidProperty().get()).isFalse();
        assertThat(estimator.batchSizeProperty().get()).isEqualTo(expected);
        assertThat(batch.textProperty().get()).isEqualTo(expected == 0 ? "" : Integer.toString(expected));
    }

    @ParameterizedTest(name = "batch \"{0}\" is refused")
    @ValueSource(strings = {"0", "-1", "1.5", "2147483648", "sixteen"})
    void theBatchFieldRefusesWhatIsNoCountAndSaysWhy(String typed) {
        KnobViewModel batch = panel.knobs().batch();
        estimator.batchSizeProperty().set(8);
        batch.textProperty().set(typed);
        batch.commit();
        assertThat(batch.invalidProperty().get()).isTrue();
        assertThat(estimator.batchSizeProperty().get()).isEqualTo(8);
        assertThat(batch.errorProperty().get())
                .isEqualTo("Enter a whole number from 1 to 2147483647, or leave the field empty for Auto.");
        Language.set(Language.CHINESE);
        assertThat(batch.errorProperty().get()).isEqualTo("请输入 1 到 2147483647 之间的整数，留空表示自动。");
    }

    @Test
    void theChineseWordForAutoIsAuto() {
        Language.set(Language.CHINESE);
        KnobViewModel capacity = panel.knobs().capacity();
        estimator.kvCapacityProperty().set(4096);
        assertThat(capacity.promptProperty().get()).isEqualTo("自动");
        capacity.textProperty().set("自动");
        capacity.commit();
        assertThat(estimator.kvCapacityProperty().get()).isZero();
    }

    @Test
    void theCompiledPrefillChunkHasNoAutoSoEmptyIsRefused() {
        estimator.prefillIsRuntimeOverrideProperty().set(false);
        KnobViewModel prefill = panel.knobs().prefill();
        int before = estimator.prefillChunkProperty().get();
        assertThat(prefill.promptProperty().get()).isEmpty();
        prefill.textProperty().set("");
        prefill.commit();
        assertThat(prefill.invalidProperty().get()).isTrue();
        assertThat(estimator.prefillChunkProperty().get()).isEqualTo(before);
        assertThat(prefill.errorProperty().get()).isEqualTo("Enter a whole number from 1 to 2147483647.");
        Language.set(Language.CHINESE);
        assertThat(prefill.errorProperty().get()).isEqualTo("请输入 1 到 2147483647 之间的整数。");
        prefill.textProperty().set("4096");
        prefill.commit();
        assertThat(estimator.prefillChunkProperty().get()).isEqualTo(4096);
        assertThat(prefill.errorProperty().get()).isEmpty();
    }

    @Test
    void aSliderStepShowsTheNewValueAndClearsARefusal() {
        KnobViewModel context = panel.knobs().context();
        context.textProperty().set("x");
        context.commit();
        estimator.contextLengthProperty().set(2048);
        assertThat(context.textProperty().get()).isEqualTo("2048");
        assertThat(context.invalidProperty().get()).isFalse();
    }
}
