package dev.kvlens.app;

import dev.kvlens.io.DetectedDevice;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.text.Phrase;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.scenario.DeviceOption;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, headless: a detected GPU is listed first, labelled as detected, in English and Chinese. */
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
@ExtendWith(ApplicationExtension.class)
class DetectedDevicePickerTest {

    private EstimatorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = dev.kvlens.ui.shell.WindowFixture.show(stage).viewModel();
        ViewModels.addDetected(vm, List.of(new DetectedDevice("detected-0",
                new Device("NVIDIA GeForce RTX 4090", Backend.CUDA, 24210L * 1024 * 1024), "nvidia-smi",
                Phrase.of("io.gpu.nvidiaReserved.source", "24564", "354"), Phrase.of("io.gpu.nvidiaReserved.precision"))),
                true);
    }

    @AfterEach
    void backToEnglish() {
        dev.kvlens.ui.shell.WindowFixture.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDetectedGpuIsShownFirstAndLabelledInBothLanguages(FxRobot robot) {
        ComboBox<DeviceOption> picker = robot.lookup("#devicePicker").queryAs(ComboBox.class);
        assertThat(picker.getItems().get(0).detected()).isTrue();
        assertThat(picker.getValue()).isEqualTo(picker.getItems().get(0));
        assertThat(picker.getConverter().toString(picker.getValue())).isEqualTo("NVIDIA GeForce RTX 4090 (detected)");
        assertThat(picker.getTooltip().getText()).isEqualTo("Approximate: nvidia-smi prints whole MiB, and total − reserved is "
                + "only close to CUDA's totalGlobalMem (within a few MiB to ~150 MiB in public logs); from nvidia-smi: "
                + "memory.total 24564 MiB − memory.reserved 354 MiB");
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getConverter().toString(picker.getValue())).isEqualTo("NVIDIA GeForce RTX 4090（已检测到）");
        assertThat(picker.getTooltip().getText()).isEqualTo("近似值：nvidia-smi 只打印整数 MiB，total − reserved 只是接近 CUDA 的 "
                + "totalGlobalMem（公开日志中相差几 MiB 到约 150 MiB）；来源：nvidia-smi：memory.total 24564 MiB − memory.reserved 354 MiB");
        DeviceOption preset = picker.getItems().stream().filter(d -> d.id().equals("rtx-4090")).findFirst().orElseThrow();
        assertThat(picker.getConverter().toString(preset)).isEqualTo("NVIDIA GeForce RTX 4090");
    }
}
