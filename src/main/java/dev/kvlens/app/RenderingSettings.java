package dev.kvlens.app;

/**
 * Prism settings the desktop app starts with; they must be set before the JavaFX toolkit starts.
 *
 * <p>{@code prism.disableRegionCaching}: Prism caches a region background with several fills (Modena's text
 * fields, buttons, text areas, split panes…) as a small image and draws it stretched as 3 or 9 slices. With the
 * software pipeline that stretch is a per-pixel interpolated image draw, the most expensive part of a frame while
 * a slider moves (measured with JFR: about half of the render thread's time); drawing the fills directly is a
 * plain rectangle fill. With a GPU pipeline the fills are the GPU's work either way (not measured: the build
 * machine has no GPU). A value given on the command line wins.
 */
public final class RenderingSettings {

    private RenderingSettings() {
    }

    public static void apply() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }
}
