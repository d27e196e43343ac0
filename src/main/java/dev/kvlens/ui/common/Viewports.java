package dev.kvlens.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes that repaint only what changed. {@code ScrollPaneSkin} caches its viewport as an image
 * ({@code cache = true}), so any change inside — a slider's value field in the scenario panel, a new line in the
 * MLC log — re-renders the whole visible content into that image before drawing it: on every slider step with the
 * software renderer. Without the cache only the dirty region is painted.
 */
public final class Viewports {

    private Viewports() {
    }

    /** For a {@link ScrollPane}, or a control whose skin contains one (a {@code TextArea}). */
    public static <C extends Control> C renderDirectly(C control) {
        control.skinProperty().subscribe(skin -> {
            if (skin == null) {
                return;
            }
            if (control instanceof ScrollPane) {
                Node viewport = control.lookup(".viewport");
                if (viewport != null) {
                    viewport.setCache(false);
                }
            } else if (control.lookup(".scroll-pane") instanceof ScrollPane inner) {
                renderDirectly(inner);
            }
        });
        return control;
    }
}
