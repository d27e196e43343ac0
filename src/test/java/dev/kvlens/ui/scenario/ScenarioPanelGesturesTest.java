package dev.kvlens.ui.scenario;

import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.shell.WindowFixture;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
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

/**
 * Gestures on the scenario panel (issue 12 item 8 and 7): typing into its fields does what a user means, a live
 * language switch re-words what the pickers show, and the menu beside the model picker removes an imported model.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class ScenarioPanelGesturesTest {

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
    void aRefusedNumberMarksTheFieldAndItsTooltipSaysWhyUntilAValueIsTaken(FxRobot robot) {
        TextField batch = robot.lookup("#batchField").queryAs(TextField.class);
        robot.clickOn(batch).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(batch.getStyleClass()).contains(dev.kvlens.ui.common.Styles.FIELD_INVALID);
        assertThat(batch.getTooltip().getText()).startsWith("Enter a whole number from 1 to 2147483647");
        assertThat(vm.batchSizeProperty().get()).isZero();
        robot.interact(batch::selectAll);
        robot.write("32").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(batch.getStyleClass()).doesNotContain(dev.kvlens.ui.common.Styles.FIELD_INVALID);
        assertThat(batch.getTooltip().getText()).startsWith("max_num_sequence"); // the knob's own tooltip is back
        assertThat(vm.batchSizeProperty().get()).isEqualTo(32);
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

    @Test
    void removeTakesTheImportedModelShownOutOfThePicker(FxRobot robot) {
        ModelDescription preset = vm.modelProperty().get();
        ModelDescription imported = new ModelDescription("org/imported", "org/imported", preset.geometry(),
                preset.quantization(), preset.compile(), preset.chatConfig(), "config.json");
        MenuButton menu = robot.lookup("#modelMenu").queryAs(MenuButton.class);

        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.getItems().get(0).isDisable()).as("a preset cannot be removed").isTrue();
        robot.interact(menu::hide);

        robot.interact(() -> {
            vm.models().add(imported);
            vm.modelProperty().set(imported);
        });
        robot.clickOn(menu);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.getItems().get(0).getText()).isEqualTo("Remove \u201corg/imported\u201d from the list");
        robot.clickOn("#removeShownModel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.models()).doesNotContain(imported);
        assertThat(vm.modelProperty().get()).isEqualTo(vm.models().get(0));
    }
}
