package dev.kvlens.io;

import java.util.List;

/** Where the window was (remembered by {@link UserState}). */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    /**
     * These bounds if at least a grip of the title bar (120 × 24 px) is on one of the screens, else the same
     * size (shrunk to fit) centred on the first (primary) screen: a window saved on a monitor that is gone
     * comes back where it can be seen.
     */
    public WindowBounds within(List<Area> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        for (Area a : screens) {
            double overlapX = Math.min(x + width, a.x() + a.width()) - Math.max(x, a.x());
            double overlapY = Math.min(y + 32, a.y() + a.height()) - Math.max(y, a.y());
            if (overlapX >= 120 && overlapY >= 24) {
                return this;
            }
        }
        Area primary = screens.get(0);
        double w = Math.min(width, primary.width());
        double h = Math.min(height, primary.height());
        return new WindowBounds(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2,
                w, h, maximized);
    }

    /** A screen's visible area. */
    public record Area(double x, double y, double width, double height) {
    }
}
