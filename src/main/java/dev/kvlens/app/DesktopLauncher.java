package dev.kvlens.app;

/** Starts the desktop app; kept apart so the CLI path never loads JavaFX application classes. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        RenderingSettings.apply();
        // the preset catalog (and with it Jackson) loads on the second core while the toolkit starts
        Thread preload = new Thread(dev.kvlens.io.PresetCatalog::load, "kvlens-preload");
        preload.setDaemon(true);
        preload.start();
        javafx.application.Application.launch(KvLensApp.class, args);
    }
}
