package dev.kvlens.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.function.Supplier;

/** Tabs whose content is built when first shown. */
public final class LazyTabs {

    private LazyTabs() {
    }

    /**
     * Builds a tab's view when the tab is first selected: until then it costs nothing — no nodes, skins or CSS at
     * start-up, and nothing in the scene graph to walk on every frame.
     */
    public static void createOnFirstSelection(Tab tab, Supplier<Node> view) {
        if (tab.isSelected()) {
            tab.setContent(view.get());
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable selected) {
                if (tab.isSelected()) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(view.get());
                }
            }
        });
    }
}
