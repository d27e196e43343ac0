package dev.kvlens.app.cli;

import dev.kvlens.app.HeadlessFx;
import dev.kvlens.app.ViewModels;
import dev.kvlens.io.PngWriter;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.ui.chart.ChartImages;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.image.WritableImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kvlens export-png}: the window's chart for a scenario, rendered headless to a PNG file. */
@Command(name = "export-png", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders the memory chart (compile report vs. local / interactive / server) to a PNG, "
                + "without a display. Takes the same model, device and engine options as `estimate`.")
final class ExportPngCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The PNG file to write.")
    Path out;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2", description = "1 or 2 (default ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1200", description = "Logical width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "720", description = "Logical height (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--language", paramLabel = "L", defaultValue = "en", description = "en or zh_CN (default ${DEFAULT-VALUE}).")
    String language;

    @Mixin
    ScenarioOptions options;

    @Override
    public Integer call() throws IOException {
        if (scale != 1 && scale != 2) {
            throw new IllegalArgumentException("--scale must be 1 or 2, got " + scale);
        }
        if (width < 320 || width > 4000 || height < 240 || height > 4000) {
            throw new IllegalArgumentException("--width must be 320..4000 and --height 240..4000, got "
                    + width + " x " + height);
        }
        PresetCatalog catalog = PresetCatalog.load();
        ModelOptions.Selection selection = options.selection(catalog);
        selection.library(); // fail here, with the CLI's message, before starting the toolkit
        Device gpu = options.device(catalog, spec.commandLine().getErr());
        HeadlessFx.start();
        I18n.setLocale(language.toLowerCase(Locale.ROOT).startsWith("zh") ? I18n.CHINESE : I18n.ENGLISH);
        WritableImage image = HeadlessFx.call(() -> {
            EstimatorViewModel vm = ViewModels.fromCatalog(catalog);
            vm.apply(new ScenarioDocument(new ScenarioSpec(selection.description(), selection.scheme(),
                    Optional.ofNullable(selection.params()), Optional.ofNullable(selection.temp()), gpu,
                    options.engine.engine(), options.engine.ruleSet()), selection.defaults(), Optional.empty()));
            vm.result().error().ifPresent(message -> {
                throw new IllegalArgumentException(message);
            });
            return ChartImages.render(new dev.kvlens.ui.chart.ChartViewModel(vm), width, height, scale);
        });
        try {
            PngWriter.write(ChartImages.toBufferedImage(image), out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + out.toAbsolutePath() + " (" + (int) image.getWidth() + " x "
                + (int) image.getHeight() + " px)");
        return 0;
    }
}
