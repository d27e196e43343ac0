package dev.kvlens.ui.scenario;

import dev.kvlens.ui.chart.ChartModel;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.engine.Scenario;

import java.util.List;
import java.util.Optional;

/**
 * Everything the window shows for the current inputs, or why there is nothing to show.
 *
 * @param scenario      the inputs as the estimator saw them (empty when they are invalid)
 * @param estimate      MLC's decision for every mode
 * @param compileReport the compile-time report of the same library
 * @param chart         the bars
 * @param runtimeLines  the lines MLC prints at engine start (error text included)
 * @param compileLines  the lines mlc_llm compile prints
 * @param error         why the inputs cannot be estimated (empty when they can)
 */
public record EstimateResult(Optional<Scenario> scenario, Optional<Estimate> estimate,
                             Optional<CompileReport> compileReport, Optional<ChartModel> chart,
                             List<String> runtimeLines, List<String> compileLines, Optional<String> error) {

    public EstimateResult {
        runtimeLines = List.copyOf(runtimeLines);
        compileLines = List.copyOf(compileLines);
    }

    static EstimateResult of(Scenario scenario, Estimate estimate, CompileReport report) {
        return new EstimateResult(Optional.of(scenario), Optional.of(estimate), Optional.of(report),
                Optional.of(ChartModel.of(estimate, report)), MlcLogFormatter.lines(estimate), report.lines(),
                Optional.empty());
    }

    static EstimateResult failed(String message) {
        return new EstimateResult(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), Optional.of(message));
    }
}
