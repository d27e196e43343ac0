package dev.kvlens.app;

import com.sun.javafx.scene.SceneHelper;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Cold start as a user sees it: from JVM start to the first frame of the main window. The first pulse after
 * {@code show()} lays the window out and hands the frame to the renderer; a task queued behind that pulse waits
 * until the renderer has finished the frame (the same end point as the interaction benchmark's), then reports.
 * {@code SceneHelper} is JavaFX-internal; the app loads JavaFX from the classpath, where it is accessible.
 */
final class StartupReport {

    private StartupReport() {
    }

    static void afterFirstFrame(Scene scene) {
        Runnable listener = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(() -> {
                    SceneHelper.getPeer(scene).waitForRenderingToComplete();
                    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("startup-report first-frame-ms=" + millis);
                    System.out.flush();
                    Platform.exit();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener);
    }
}
