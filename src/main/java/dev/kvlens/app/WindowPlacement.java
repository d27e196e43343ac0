package dev.kvlens.app;

import dev.kvlens.io.UserState.Area;
import dev.kvlens.io.UserState.WindowBounds;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window opens and what is remembered of it, whatever the window manager does.
 *
 * <p>Two things go wrong on X11 without this. A first size larger than the screen (1360 × 860 on a 1366 × 768
 * laptop) is refused by openbox, which falls back to the minimum size, and placed above the top edge by fluxbox. And
 * some window managers put the frame where the client was asked to be, so the position read back is off by the title
 * bar: saved and restored, the window creeps down by that much on every start. The placement asks for an explicit
 * position, measures how far the window manager moved it, and saves the position to ask for next time.
 *
 * <p>Pure arithmetic on {@link WindowBounds}, so it is tested without a toolkit; {@link KvLensApp} applies it.
 */
final class WindowPlacement {

    static final double PREFERRED_WIDTH = 1360;
    static final double PREFERRED_HEIGHT = 860;
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;
    /** Room left around a first window for the frame the window manager adds. */
    static final double FRAME_ROOM = 40;

    private WindowBounds requested;
    private double shiftX;
    private double shiftY;
    private WindowBounds normal;

    /** The preferred size shrunk to the screen's visible area (leaving room for the frame), centred on it. */
    static WindowBounds firstRun(Area screen) {
        double w = Math.min(PREFERRED_WIDTH, Math.max(screen.width() - FRAME_ROOM, 1));
        double h = Math.min(PREFERRED_HEIGHT, Math.max(screen.height() - FRAME_ROOM, 1));
        return new WindowBounds(Math.floor(screen.x() + (screen.width() - w) / 2),
                Math.floor(screen.y() + (screen.height() - h) / 2), w, h, false);
    }

    /** The minimum size, never larger than the screen can show. */
    static double[] minimumSize(Area screen) {
        return new double[] {Math.min(MIN_WIDTH, screen.width()), Math.min(MIN_HEIGHT, screen.height())};
    }

    /**
     * The bounds to ask for: the saved ones when a grip of the title bar is on a screen (shrunk to the screen they
     * are on), else the first-run placement on the primary screen (the first of {@code screens}).
     */
    WindowBounds initial(Optional<WindowBounds> saved, List<Area> screens) {
        Area primary = screens.isEmpty() ? new Area(0, 0, PREFERRED_WIDTH + FRAME_ROOM, PREFERRED_HEIGHT + FRAME_ROOM)
                : screens.get(0);
        WindowBounds bounds = saved.map(b -> fitted(b.within(screens), screens)).orElseGet(() -> firstRun(primary));
        requested = bounds;
        normal = bounds;
        return bounds;
    }

    /** Bounds larger than the screen they are mostly on: shrunk to it (leaving room for the frame) and centred. */
    private static WindowBounds fitted(WindowBounds b, List<Area> screens) {
        Area best = null;
        double bestOverlap = -1;
        for (Area a : screens) {
            double overlap = Math.max(0, Math.min(b.x() + b.width(), a.x() + a.width()) - Math.max(b.x(), a.x()))
                    * Math.max(0, Math.min(b.y() + b.height(), a.y() + a.height()) - Math.max(b.y(), a.y()));
            if (overlap > bestOverlap) {
                best = a;
                bestOverlap = overlap;
            }
        }
        if (best == null || (b.width() <= best.width() && b.height() <= best.height())) {
            return b;
        }
        double w = Math.min(b.width(), Math.max(best.width() - FRAME_ROOM, 1));
        double h = Math.min(b.height(), Math.max(best.height() - FRAME_ROOM, 1));
        return new WindowBounds(Math.floor(best.x() + (best.width() - w) / 2),
                Math.floor(best.y() + (best.height() - h) / 2), w, h, b.maximized());
    }

    /** The bounds last asked for, once {@link #initial} ran. */
    Optional<WindowBounds> requested() {
        return Optional.ofNullable(requested);
    }

    /**
     * The window manager has placed the window: how far it is from where it was asked to be (0 under openbox, the
     * title bar's height under fluxbox). Called for each position change while the window settles.
     */
    void placed(double x, double y, boolean maximized) {
        if (requested != null && !maximized && !requested.maximized()) {
            shiftX = x - requested.x();
            shiftY = y - requested.y();
        }
    }

    /**
     * What to save now: the position to ask for next time so the window lands where it is, and, while maximized,
     * the size it had before (so un-maximizing after a restart gives it back).
     */
    WindowBounds toSave(double x, double y, double width, double height, boolean maximized) {
        if (!maximized) {
            normal = new WindowBounds(x - shiftX, y - shiftY, width, height, false);
            return normal;
        }
        WindowBounds before = normal != null ? normal : new WindowBounds(x, y, width, height, false);
        return new WindowBounds(before.x(), before.y(), before.width(), before.height(), true);
    }
}
