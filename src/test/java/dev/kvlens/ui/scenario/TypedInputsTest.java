package dev.kvlens.ui.scenario;

import dev.kvlens.ui.shell.WindowFixture;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Typing into the scenario panel's fields does what a user means (issue 12 item 8). */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class TypedInputsTest {

    private EstimatorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = WindowFixture.show(stage).viewModel();
    }

    @AfterEach
    void reset() {
        WindowFixture.reset();
    }

    @Test
    void autoIsAPlaceholderSoClickingAndTypingSixteenGivesSixteen(FxRobot robot) {
        TextField batch = robot.lookup("#batchField").queryAs(TextField.class);
        assertThat(batch.getText()).isEmpty();
        assertThat(batch.getPromptText()).isEqualTo("Auto");
        robot.clickOn(batch).write("16").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(16);
        assertThat(batch.getText()).isEqualTo("16");
    }

    @Test
    void typingADeviceSizeMakesThePresetACustomDeviceOfItsBackend(FxRobot robot) {
        DeviceOption preset = vm.deviceProperty().get();
        assertThat(preset.custom()).isFalse();
        TextField memory = robot.lookup("#deviceMemoryField").queryAs(TextField.class);
        robot.doubleClickOn(memory).interact(memory::selectAll);
        robot.write("16").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.deviceProperty().get().custom()).isTrue();
        assertThat(vm.customDeviceBytesProperty().get()).isEqualTo(16L << 30);
        assertThat(vm.customBackendProperty().get()).isEqualTo(preset.backend());
    }
}
