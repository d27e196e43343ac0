package dev.kvlens.ui.scenario;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The utilization field as the view model owns it: text, commit, and the message when a value is refused. */
class UtilizationInputTest {

    private EstimatorViewModel vm;
    private UtilizationInput input;

    @BeforeEach
    void setUp() {
        Language.set(Language.ENGLISH);
        vm = TestScenarios.startingViewModel();
        input = vm.utilizationInput();
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @ParameterizedTest
    // 0.925 is 0.92500000000000004… as a double: half-even on the binary value gives 0.93
    // below the slider's first step the value shows as typed; above 1 it is taken as MLC takes it (rules §3.1)
    @CsvSource({"0.2, 0.2, 0.20", "0.01, 0.01, 0.01", "1, 1.0, 1.00", " 0.5 , 0.5, 0.50", "0.925, 0.925, 0.93",
            "0.005, 0.005, 0.005", "1.01, 1.01, 1.01", "2, 2.0, 2.00"})
    void aTypedUtilizationAboveZeroIsTaken(String typed, double value, String shown) {
        input.textProperty().set(typed);
        input.commit();
        assertThat(vm.gpuMemoryUtilizationProperty().get()).isEqualTo(value);
        assertThat(input.textProperty().get()).isEqualTo(shown);
        assertThat(input.invalidProperty().get()).isFalse();
        assertThat(input.errorProperty().getValue()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0", "-0.5", "lots", "", "NaN", "Infinity"})
    void aTypedValueThatPlansNoMemoryIsRefusedWithAMessage(String typed) {
        input.textProperty().set(typed);
        input.commit();
        assertThat(vm.gpuMemoryUtilizationProperty().get()).isEqualTo(0.85);
        assertThat(input.invalidProperty().get()).isTrue();
        assertThat(input.errorProperty().getValue()).isEqualTo("Enter a utilization above 0 (MLC's default is 0.85).");
    }

    @Test
    void aboveOneTheFieldWarnsThatMlcPlansWithMoreMemoryThanTheGpuHas() {
        input.textProperty().set("1");
        input.commit();
        assertThat(input.warningProperty().get()).isEmpty();
        input.textProperty().set("1.2");
        input.commit();
        assertThat(input.warningProperty().get()).startsWith("Above 1: MLC takes it as given");
        Language.set(Language.CHINESE);
        assertThat(input.warningProperty().get()).startsWith("大于 1：MLC 照原值使用");
        vm.gpuMemoryUtilizationProperty().set(0.9);
        assertThat(input.warningProperty().get()).isEmpty();
    }

    @Test
    void theMessageFollowsTheLanguageAndAValidValueClearsIt() {
        input.textProperty().set("0");
        input.commit();
        Language.set(Language.CHINESE);
        assertThat(input.errorProperty().getValue()).isEqualTo("请输入大于 0 的利用率（MLC 默认 0.85）。");
        vm.gpuMemoryUtilizationProperty().set(0.6); // e.g. a scenario opened from a file
        assertThat(input.textProperty().get()).isEqualTo("0.60");
        assertThat(input.errorProperty().getValue()).isEmpty();
    }
}
