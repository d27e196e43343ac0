package dev.kvlens.app;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.shell.AboutInfo;
import dev.kvlens.ui.shell.RecentFiles;

import java.util.List;
import java.util.concurrent.Executor;

/** The composition root of the window's view models: every slice's view model, built once, handed to the shell. */
final class ScreensFactory {

    private ScreensFactory() {
    }

    static dev.kvlens.ui.shell.Screens build(EstimatorViewModel viewModel, Executor ioExecutor, RecentFiles recent) {
        AboutInfo about = new AboutInfo(AppVersion.version(), RuleSet.D2025.label(), RuleSet.D2025.mlcCommit());
        List<dev.kvlens.model.Device> presets = PresetCatalog.load().devices().stream()
                .map(PresetCatalog.DevicePreset::device).toList();
        dev.kvlens.ui.explore.solve.SolveViewModel solve = new dev.kvlens.ui.explore.solve.SolveViewModel(viewModel, presets);
        ImportViewModel imports = new ImportViewModel(viewModel);
        FileCommands files = new FileCommands(new IoFileService(), ioExecutor);
        dev.kvlens.ui.shell.Screens screens = new dev.kvlens.ui.shell.Screens(viewModel, imports,
                solve, new dev.kvlens.ui.explore.map.MapViewModel(viewModel, solve),
                new dev.kvlens.ui.explore.waterfall.WaterfallViewModel(viewModel),
                new dev.kvlens.ui.explore.compare.CompareViewModel(viewModel),
                new dev.kvlens.ui.verdict.VerdictViewModel(viewModel),
                new dev.kvlens.ui.explore.schemes.SchemesViewModel(viewModel), files, recent, about,
                new dev.kvlens.ui.shell.ShellViewModel(viewModel, imports, files, recent, javafx.application.Platform::runLater),
                new dev.kvlens.ui.chart.ChartViewModel(viewModel), new dev.kvlens.ui.help.HelpViewModel(viewModel),
                new dev.kvlens.ui.help.GlossaryViewModel(), new dev.kvlens.ui.help.TourViewModel(),
                new dev.kvlens.ui.scenario.ScenarioPanelViewModel(viewModel), new dev.kvlens.ui.log.LogViewModel(viewModel));
        return screens;
    }
}
