package dev.kvlens.app;

/** Starts the desktop app; kept apart so the CLI path never loads JavaFX application classes. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        RenderingSettings.apply();
        javafx.application.Application.launch(KvLensApp.class, args);
    }
}
