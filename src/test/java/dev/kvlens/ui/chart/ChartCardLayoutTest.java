package dev.kvlens.ui.chart;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.Styles;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The legend under the chart shows its values whole at any size: a long note moves to a line of its own. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class ChartCardLayoutTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {600, 900, 1200})
    void theLegendValuesAndTheNoteAreNeverCutShort(int width, FxRobot robot) {
        AtomicReference<ChartCard> shown = new AtomicReference<>();
        robot.interact(() -> {
            Language.set(Language.CHINESE); // the longer legend: 预算：设备显存 × 利用率（20.10 GiB）…
            ChartCard card = new ChartCard(new ChartViewModel(TestScenarios.startingViewModel()));
            card.setPrefSize(width, 480);
            card.setMinSize(width, 480);
            card.setMaxSize(width, 480);
            Scene scene = new Scene(new Group(card), width, 480);
            scene.getStylesheets().add(ChartCard.class.getResource(Styles.STYLESHEET).toExternalForm());
            card.applyCss();
            card.layout();
            shown.set(card);
        });
        ChartCard card = shown.get();
        for (String id : new String[] {"#budgetLegend", "#deviceLegend"}) {
            Label value = (Label) card.lookup(id);
            assertThat(value.getText()).contains("GiB");
            assertThat(value.getWidth()).as(id + " at " + width + " px").isGreaterThanOrEqualTo(value.prefWidth(-1) - 0.5);
        }
        Label note = (Label) card.lookup("#tempNote");
        assertThat(note.getText()).isNotEmpty();
        assertThat(note.getWidth()).as("the note at " + width + " px")
                .isGreaterThanOrEqualTo(Math.min(note.prefWidth(-1), note.getParent().getLayoutBounds().getWidth()) - 0.5);
        assertThat(note.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(width + 0.5);
        robot.interact(card::dispose);
    }
}
