package dev.kvlens.ui.explore.solve;

import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Reverse solve: the longest context, the largest batch, the smallest preset device that fit; each reports what it set. */
public final class SolveView extends FlowPane {

    /** @param report where each button's outcome goes (the status line) */
    public SolveView(SolveViewModel vm, Consumer<String> report) {
        super(6, 6);
        getChildren().addAll(button(vm, "solveContextButton", "solve.maxContext", vm::solveMaxContext, report),
                button(vm, "solveBatchButton", "solve.maxBatch", vm::solveMaxBatch, report),
                button(vm, "solveDeviceButton", "solve.device", vm::solveSmallestDevice, report));
    }

    private static Button button(SolveViewModel vm, String id, String key, Supplier<String> solve,
                                 Consumer<String> report) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(vm.text(key));
        button.setOnAction(e -> report.accept(solve.get()));
        return button;
    }
}
