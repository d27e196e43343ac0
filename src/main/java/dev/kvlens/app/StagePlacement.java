package dev.kvlens.app;

import dev.kvlens.io.UserState;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies {@link WindowPlacement} to the main window's stage: the screens, the window manager's moves, what to save. */
final class StagePlacement {

    /** How long after showing the window the window manager is given to place it. */
    private static final Duration SETTLING = Duration.seconds(2);

    private final Stage stage;
    private final WindowPlacement placement = new WindowPlacement();

    StagePlacement(Stage stage) {
        this.stage = stage;
    }

    /** Before showing: the saved bounds if they are on a screen, else a first size that fits the primary screen. */
    void place(Optional<UserState.WindowBounds> saved) {
        List<UserState.Area> screens = visibleScreens();
        if (!screens.isEmpty()) {
            double[] min = WindowPlacement.minimumSize(screens.get(0));
            stage.setMinWidth(min[0]);
            stage.setMinHeight(min[1]);
        }
        UserState.WindowBounds b = placement.initial(saved, screens);
        setBounds(b);
        stage.setMaximized(b.maximized());
    }

    /**
     * After showing: while the window manager places the new window, measure where it put it. The bounds are asked
     * for once more when the window is mapped: openbox ignores a size given before and falls back to the minimum size.
     */
    void follow() {
        ChangeListener<Number> moved = (o, a, b) -> placement.placed(stage.getX(), stage.getY(), stage.isMaximized());
        moved.changed(null, null, null);
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        Platform.runLater(() -> placement.requested().filter(b -> !b.maximized() && !stage.isMaximized())
                .ifPresent(this::setBounds));
        PauseTransition settled = new PauseTransition(SETTLING);
        settled.setOnFinished(e -> {
            stage.xProperty().removeListener(moved);
            stage.yProperty().removeListener(moved);
        });
        settled.play();
    }

    /** The bounds to save now (FX thread). */
    UserState.WindowBounds now() {
        return placement.toSave(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    private void setBounds(UserState.WindowBounds b) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
    }

    /** The visible areas of the screens, the primary first. */
    private static List<UserState.Area> visibleScreens() {
        List<UserState.Area> areas = new ArrayList<>();
        Screen primary = Screen.getPrimary();
        for (Screen screen : Screen.getScreens()) {
            Rectangle2D b = screen.getVisualBounds();
            UserState.Area area = new UserState.Area(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            if (screen.equals(primary)) {
                areas.add(0, area);
            } else {
                areas.add(area);
            }
        }
        return areas;
    }
}
