package dev.kvlens.app;

import dev.kvlens.io.UserState.Area;
import dev.kvlens.io.UserState.WindowBounds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's first size fits the screen, and a saved window comes back exactly where it was, under any WM. */
class WindowPlacementTest {

    private static final Area LAPTOP = new Area(0, 0, 1366, 768);
    private static final Area FULL_HD = new Area(0, 0, 1920, 1080);

    @Test
    void firstWindowOnALaptopScreenFitsWithRoomForTheFrame() {
        // 1366 − 40 = 1326 wide, 768 − 40 = 728 high, centred: (1366 − 1326) / 2 = 20, (768 − 728) / 2 = 20
        assertThat(new WindowPlacement().initial(Optional.empty(), List.of(LAPTOP)))
                .isEqualTo(new WindowBounds(20, 20, 1326, 728, false));
    }

    @Test
    void firstWindowOnALargeScreenHasThePreferredSizeCentred() {
        // (1920 − 1360) / 2 = 280, (1080 − 860) / 2 = 110
        assertThat(new WindowPlacement().initial(Optional.empty(), List.of(FULL_HD)))
                .isEqualTo(new WindowBounds(280, 110, 1360, 860, false));
    }

    @Test
    void minimumSizeNeverExceedsTheScreen() {
        assertThat(WindowPlacement.minimumSize(new Area(0, 0, 800, 600))).containsExactly(800, 600);
        assertThat(WindowPlacement.minimumSize(LAPTOP)).containsExactly(960, 640);
    }

    @Test
    void aWindowManagerThatShiftsTheWindowByItsTitleBarDoesNotMakeItCreep() {
        WindowBounds saved = new WindowBounds(20, 20, 1326, 708, false);
        for (int start = 0; start < 5; start++) {
            WindowPlacement placement = new WindowPlacement();
            WindowBounds asked = placement.initial(Optional.of(saved), List.of(LAPTOP));
            // fluxbox puts the frame where the client was asked to be: the window reads back 20 px lower
            placement.placed(asked.x(), asked.y() + 20, false);
            saved = placement.toSave(asked.x(), asked.y() + 20, asked.width(), asked.height(), false);
        }
        assertThat(saved).isEqualTo(new WindowBounds(20, 20, 1326, 708, false));
    }

    @Test
    void aWindowTheUserMovedIsSavedWhereItWasMovedTo() {
        WindowPlacement placement = new WindowPlacement();
        WindowBounds asked = placement.initial(Optional.of(new WindowBounds(20, 20, 1000, 700, false)), List.of(FULL_HD));
        placement.placed(asked.x(), asked.y() + 20, false);
        assertThat(placement.toSave(300, 220, 1100, 720, false)).isEqualTo(new WindowBounds(300, 200, 1100, 720, false));
    }

    @Test
    void aMaximizedWindowRemembersTheSizeItHadBefore() {
        WindowPlacement placement = new WindowPlacement();
        placement.initial(Optional.of(new WindowBounds(100, 80, 1200, 800, false)), List.of(FULL_HD));
        placement.placed(100, 80, false);
        placement.toSave(150, 90, 1210, 810, false);
        assertThat(placement.toSave(0, 0, 1920, 1080, true)).isEqualTo(new WindowBounds(150, 90, 1210, 810, true));
    }

    @Test
    void aSavedWindowLargerThanTheScreenItIsOnIsShrunkToFitIt() {
        WindowBounds fromBigMonitor = new WindowBounds(0, 0, 1900, 1050, false);
        assertThat(new WindowPlacement().initial(Optional.of(fromBigMonitor), List.of(LAPTOP)))
                .isEqualTo(new WindowBounds(20, 20, 1326, 728, false));
    }

    @Test
    void aSavedWindowThatFitsIsRestoredExactly() {
        WindowBounds saved = new WindowBounds(33.5, 47, 1111, 701, true);
        assertThat(new WindowPlacement().initial(Optional.of(saved), List.of(LAPTOP))).isEqualTo(saved);
    }
}
