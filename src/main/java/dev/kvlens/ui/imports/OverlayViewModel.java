package dev.kvlens.ui.imports;

import dev.kvlens.model.explore.DeviceMemorySolver;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.mlc.LogComparison;
import dev.kvlens.model.Mib;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An imported runtime log over the current estimate: MLC's printed numbers next to ours, the verdict, and the
 * device sizes that make MLC print the log's server capacity (rules §3.5 solved for the device), in the user's
 * language.
 */
public final class OverlayViewModel {

    private final EstimatorViewModel estimator;
    private final ObservableValue<PrintedLog.Runtime> printedRuntime;
    private final ObjectBinding<List<LogComparison.Row>> comparison;
    private final ObjectBinding<Optional<DeviceMemorySolver.Range>> solvedDevice;
    private final ObjectBinding<String> verdict;
    private final ObjectBinding<String> solvedText;

    OverlayViewModel(EstimatorViewModel estimator, ObservableValue<PrintedLog.Runtime> printedRuntime) {
        this.estimator = estimator;
        this.printedRuntime = printedRuntime;
        comparison = Bindings.createObjectBinding(() -> {
            PrintedLog.Runtime printed = printedRuntime.getValue();
            EstimateResult result = estimator.result();
            if (printed == null || result == null || result.estimate().isEmpty()) {
                return List.of();
            }
            return LogComparison.compare(printed, result.estimate().get());
        }, printedRuntime, estimator.resultProperty(), Language.localeProperty());
        solvedDevice = Bindings.createObjectBinding(this::solve, printedRuntime, estimator.resultProperty());
        verdict = Bindings.createObjectBinding(() -> {
            List<LogComparison.Row> rows = comparison.get();
            long differ = rows.stream().filter(r -> !r.matches()).count();
            return rows.isEmpty() ? "" : differ == 0 ? Language.get("import.allMatch", rows.size())
                    : Language.get("import.someDiffer", differ, rows.size());
        }, comparison, Language.localeProperty());
        solvedText = Bindings.createObjectBinding(() -> solvedDevice.get().map(r -> Language.get("import.solved",
                printedServerCapacity().orElse(0), Mib.format(r.minBytes(), 3), Mib.format(r.maxBytes(), 3)))
                .orElse(""), solvedDevice, Language.localeProperty());
    }

    /** MLC's printed numbers next to ours (empty without a runtime log). */
    public ObjectBinding<List<LogComparison.Row>> comparisonProperty() {
        return comparison;
    }

    /** Device sizes that make MLC print the log's server capacity with the current inputs. */
    public ObjectBinding<Optional<DeviceMemorySolver.Range>> solvedDeviceProperty() {
        return solvedDevice;
    }

    /** "All n match" or "k of n differ" ("" without a log). */
    public ObservableValue<String> verdictProperty() {
        return verdict;
    }

    /** The device memory range that explains the log ("" when there is none). */
    public ObservableValue<String> solvedTextProperty() {
        return solvedText;
    }

    /** The printed server capacity of the imported log, if MLC chose it. */
    public OptionalLong printedServerCapacity() {
        PrintedLog.Runtime printed = printedRuntime.getValue();
        if (printed == null || !printed.modes().containsKey(EngineMode.SERVER)) {
            return OptionalLong.empty();
        }
        PrintedLog.ModeLine line = printed.modes().get(EngineMode.SERVER);
        return line.capacityByUser() ? OptionalLong.empty() : OptionalLong.of(line.maxTotalSequenceLength());
    }

    private Optional<DeviceMemorySolver.Range> solve() {
        PrintedLog.Runtime printed = printedRuntime.getValue();
        if (printed == null) {
            return Optional.empty();
        }
        PrintedLog.ModeLine server = printed.modes().get(EngineMode.SERVER);
        if (server == null || server.capacityByUser()) {
            return Optional.empty();
        }
        try {
            Scenario scenario = estimator.scenario();
            return DeviceMemorySolver.deviceRangeForCapacity(scenario, EngineMode.SERVER, server.maxTotalSequenceLength());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
