package dev.kvlens.ui.shell;

import dev.kvlens.ui.chart.ChartViewModel;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.explore.solve.SolveViewModel;
import dev.kvlens.ui.explore.compare.CompareViewModel;
import dev.kvlens.ui.explore.map.MapViewModel;
import dev.kvlens.ui.explore.schemes.SchemesViewModel;
import dev.kvlens.ui.explore.waterfall.WaterfallViewModel;
import dev.kvlens.ui.help.GlossaryViewModel;
import dev.kvlens.ui.help.HelpViewModel;
import dev.kvlens.ui.help.TourViewModel;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.ui.log.LogViewModel;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.scenario.ScenarioPanelViewModel;
import dev.kvlens.ui.verdict.VerdictViewModel;

/**
 * The view models of every slice, built by {@code app} (the composition root) and handed to the shell, which alone
 * composes the slices' views.
 */
public record Screens(EstimatorViewModel estimator, ImportViewModel imports, SolveViewModel solve,
                      MapViewModel map, WaterfallViewModel waterfall, CompareViewModel compare,
                      VerdictViewModel verdict, SchemesViewModel schemes, FileCommands files,
                      RecentFiles recent, AboutInfo about, ShellViewModel shell, ChartViewModel chart,
                      HelpViewModel help, GlossaryViewModel glossary, TourViewModel tour,
                      ScenarioPanelViewModel scenario, LogViewModel log) {
}
