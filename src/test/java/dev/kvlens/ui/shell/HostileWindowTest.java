package dev.kvlens.ui.shell;

import dev.kvlens.model.RuleSet;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, D15: after an estimate error the chart shows no bars of the scenario before it. */
@Tag("fx") // starts the JavaFX toolkit: its own JVM, see the pom
@ExtendWith(ApplicationExtension.class)
class HostileWindowTest {

    private EstimatorViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        WindowFixture window = WindowFixture.show(stage);
        vm = window.viewModel();
        view = window.view();
    }

    @Test
    void anEstimateErrorLeavesNoStaleChart() {
        assertThat(view.chartCard().chart().isVisible()).isTrue();
        // c2024 has no max_single_sequence_length override (§3.5): the scenario cannot be estimated
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            vm.contextLengthProperty().set(4096);
            vm.rulesProperty().set(RuleSet.C2024);
        });
        assertThat(vm.result().error()).isPresent();
        assertThat(view.chartCard().chart().isVisible()).isFalse();
        WaitForAsyncUtils.waitForAsyncFx(5000, () -> vm.rulesProperty().set(RuleSet.D2025));
        assertThat(view.chartCard().chart().isVisible()).isTrue();
    }
}
