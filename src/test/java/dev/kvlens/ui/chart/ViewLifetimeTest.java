package dev.kvlens.ui.chart;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.help.HelpView;
import dev.kvlens.ui.shell.MainView;
import dev.kvlens.ui.shell.WindowFixture;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views that are done — an exported or copied chart card, a closed Help window — are collected: they no longer
 * observe the view model or the language (before, every PNG export left a card that recomputed on every step).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class ViewLifetimeTest {

    private EstimatorViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        WindowFixture window = WindowFixture.show(stage);
        vm = window.viewModel();
        view = window.view();
    }

    @AfterEach
    void reset() {
        WindowFixture.reset();
    }

    /**
     * Whether only a weak reference is left: lets the FX thread finish what it has queued (a pulse may still hold the
     * node) and asks for collections until the referent is gone, or gives up.
     */
    private static boolean collected(WeakReference<?> reference) {
        for (int i = 0; i < 40 && reference.get() != null; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            System.gc();
        }
        return reference.get() == null;
    }

    @Test
    void anExportedChartCardIsCollectedOnceRendered(FxRobot robot) {
        AtomicReference<WeakReference<ChartCard>> card = new AtomicReference<>();
        robot.interact(() -> {
            ChartCard rendered = new ChartCard(new ChartViewModel(vm)); // a card of its own, as an export has
            card.set(new WeakReference<>(rendered));
            ChartImages.render(rendered, 600, 360, 1.0);
        });
        // the view model and the language change after the export: a live card would follow them
        robot.interact(() -> vm.batchSizeProperty().set(7));
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        assertThat(collected(card.get())).as("the exported card is collected").isTrue();
    }

    @Test
    void aClosedHelpWindowIsCollected(FxRobot robot) {
        robot.interact(view::showHelp);
        WaitForAsyncUtils.waitForFxEvents();
        WeakReference<HelpView> reference = new WeakReference<>(robot.lookup("#helpView").queryAs(HelpView.class));
        robot.interact(() -> reference.get().getScene().getWindow().hide());
        robot.interact(() -> vm.batchSizeProperty().set(9));
        assertThat(collected(reference)).as("the closed Help view is collected").isTrue();
    }
}
