package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.shell.WindowFixture;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
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

/** A live language switch re-words what the pickers show, not only their lists (issue 12 item 8). */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class PickersFollowLanguageTest {

    private EstimatorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = WindowFixture.show(stage).viewModel();
    }

    @AfterEach
    void reset() {
        WindowFixture.reset();
    }

    private static String shown(FxRobot robot, String id) {
        ComboBox<?> picker = robot.lookup(id).queryAs(ComboBox.class);
        ListCell<?> button = picker.getButtonCell();
        return button == null ? null : button.getText();
    }

    @Test
    void theRulesAndDevicePickersShowTheNewLanguageAtOnce(FxRobot robot) {
        robot.interact(() -> vm.deviceProperty().set(vm.devices().stream().filter(DeviceOption::custom).findFirst()
                .orElseThrow()));
        assertThat(shown(robot, "#rulesPicker")).isEqualTo(I18n.get("rules.d2025"));
        assertThat(shown(robot, "#devicePicker")).isEqualTo("Custom");
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "#rulesPicker")).isEqualTo(I18n.get("rules.d2025")).contains("规则");
        assertThat(shown(robot, "#devicePicker")).isEqualTo(I18n.get("scenario.device.custom"));
    }
}
