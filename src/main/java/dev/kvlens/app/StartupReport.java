package dev.kvlens.app;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Cold start as a user sees it: from JVM start to the first frame of the main window. The first pulse after
 * {@code show()} lays the window out and hands the frame to the renderer; the second pulse waits for that render
 * to finish before it synchronises the scene (after its layout). So the time is taken in the third pulse, after
 * layout: it over-states the cold start by up to two pulse intervals, and never under-states it.
 */
final class StartupReport {

    private StartupReport() {
    }

    static void afterFirstFrame(Scene scene) {
        int[] pulses = {0};
        Runnable listener = new Runnable() {
            @Override
            public void run() {
                if (++pulses[0] < 3) {
                    Platform.requestNextPulse();
                    return;
                }
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                scene.removePostLayoutPulseListener(this);
                System.out.println("startup-report first-frame-ms=" + millis);
                System.out.flush();
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(listener);
    }
}
