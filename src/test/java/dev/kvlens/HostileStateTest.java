package dev.kvlens;

import dev.kvlens.app.ViewModels;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.io.ScenarioFiles;
import dev.kvlens.io.UserState;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.imports.ImportViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kvlens.HostileReprosTest.repro;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up never fails because of state (issue 15, D1, D2, D6, D7, D11): the R…-config folders of the
 * hostile-input review as config folders, a failed import that must change nothing, and a round trip of every
 * state the window can reach through the session file.
 */
class HostileStateTest {

    /** A config folder holding a copy of one of the review's folders (they are read-only). */
    static Path configFrom(String reproFolder, Path temp) throws IOException {
        Path source = repro(reproFolder).resolve("kvlens");
        Path dir = temp.resolve("kvlens");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
                dir.resolve(f.getFileName()).toFile().setWritable(true);
            }
        }
        return dir;
    }

    static Path resource(String name) {
        try {
            return Path.of(HostileStateTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLastScenarioThatStoppedStartIsMovedAsideAndReportedOnce(@TempDir Path temp) throws IOException {
        Path dir = configFrom("R01c-config-bricked", temp);
        UserState state = new UserState(dir);
        assertThat(state.lastScenario()).isEmpty();
        assertThat(names(dir)).singleElement().asString().startsWith("last-scenario.kvlens.json.corrupt-");
        assertThat(state.problems()).singleElement().asString().contains("last-scenario.kvlens.json",
                "moved aside to last-scenario.kvlens.json.corrupt-", "num_attention_heads");
        assertThat(state.lastScenario()).isEmpty();
        assertThat(state.problems()).hasSize(1);
        // the window now starts: the defaults estimate without an exception
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        assertThat(vm.result().error()).isEmpty();
    }

    @Test
    void theR01ConfigIsRefusedAtImportSoItCanNeverBeSaved() {
        assertThatThrownBy(() -> ArtifactReader.read(repro("R01-chat-config-bricks-next-start.json"), Map.of()))
                .hasMessageContaining("R01-chat-config-bricks-next-start.json: field 'num_attention_heads' is 1048576");
        assertThatThrownBy(() -> ArtifactReader.read(repro("R01b-last-scenario-that-stops-start.kvlens.json"), Map.of()))
                .hasMessageContaining("num_attention_heads");
    }

    @Test
    void aNulEntryInRecentFilesIsSkipped(@TempDir Path temp) throws IOException {
        UserState state = new UserState(configFrom("R06-config-recent-nul", temp));
        assertThat(state.recentFiles()).isEmpty();
        state.addRecent(temp.resolve("a.json"));
        assertThat(new UserState(temp.resolve("kvlens")).recentFiles()).containsExactly(temp.resolve("a.json").toAbsolutePath());
    }

    @Test
    void anUnreadableImportedModelIsKeptWhenAnotherIsRemembered(@TempDir Path temp) throws IOException {
        Path dir = configFrom("R11-config-models-one-unreadable-entry", temp);
        UserState state = new UserState(dir);
        List<ModelDescription> models = state.importedModels();
        assertThat(models).extracting(ModelDescription::name).containsExactly("My imported model (keep me)");
        assertThat(state.problems()).singleElement().asString().contains("kept in models.json");
        state.rememberModel(PresetCatalog.load().model("llama-3-8b").orElseThrow());
        String saved = Files.readString(dir.resolve("models.json"));
        assertThat(saved).contains("out-of-range model (hand-edited or newer version)", "2097152",
                "My imported model (keep me)", "Llama-3-8B-Instruct");
        assertThat(new UserState(dir).importedModels()).hasSize(2);
    }

    @Test
    void aNewerSchemaIsReadAsFarAsPossibleAndNeverOverwritten(@TempDir Path temp) throws IOException {
        Path dir = configFrom("R11b-config-newer-schema", temp);
        byte[] before = Files.readAllBytes(dir.resolve("last-scenario.kvlens.json"));
        UserState state = new UserState(dir);
        ScenarioDocument restored = state.lastScenario().orElseThrow();
        assertThat(restored.spec().model().name()).isEqualTo("Llama-3-8B-Instruct");
        assertThat(state.problems()).singleElement().asString().contains("newer KV Lens (schema 2)");
        state.saveLastScenario(restored, "KV Lens test");
        assertThat(Files.readAllBytes(dir.resolve("last-scenario.kvlens.json"))).isEqualTo(before);
        assertThat(names(dir)).containsExactly("last-scenario.kvlens.json");
    }

    @Test
    void aWindowSavedOnAMissingMonitorComesBackOnTheScreen(@TempDir Path temp) throws IOException {
        UserState.WindowBounds saved = new UserState(configFrom("R07-config-window-second-monitor", temp)).window()
                .orElseThrow();
        List<UserState.Area> oneScreen = List.of(new UserState.Area(0, 0, 1280, 1024));
        UserState.WindowBounds shown = saved.within(oneScreen);
        // x 2500 is beyond the 1280 px screen: centred, 1300 px wide shrunk to 1280, 850 high kept.
        assertThat(shown).isEqualTo(new UserState.WindowBounds(0, 87, 1280, 850, false));
        UserState.WindowBounds onSecond = saved.within(List.of(oneScreen.get(0), new UserState.Area(1280, 0, 2560, 1440)));
        assertThat(onSecond).isEqualTo(saved);
    }

    @Test
    void aDamagedStateFileIsMovedAsideNotOverwritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("window.json"), "{\"x\": ");
        UserState state = new UserState(dir);
        assertThat(state.window()).isEmpty();
        assertThat(names(dir)).singleElement().asString().startsWith("window.json.corrupt-");
        assertThat(Files.readString(dir.resolve(names(dir).get(0)))).isEqualTo("{\"x\": ");
    }

    @Test
    void aFailedRuntimeLogImportChangesNothing() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        ImportViewModel imports = new ImportViewModel(vm);
        ScenarioDocument before = vm.document();
        List<ModelDescription> modelsBefore = new ArrayList<>(vm.models());
        Artifact log = ArtifactReader.read(repro("R02-runtime-log-failed-import-changes-rules.log"), Map.of());
        assertThatThrownBy(() -> imports.importArtifact(log)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("R02-runtime-log-failed-import-changes-rules.log: not imported, nothing changed");
        assertThat(vm.rulesProperty().get()).isEqualTo(RuleSet.D2025); // was switched to c2024 before the fix
        assertThat(vm.document()).isEqualTo(before);
        assertThat(vm.models()).containsExactlyElementsOf(modelsBefore);
        assertThat(vm.result().error()).isEmpty();
        assertThat(imports.printedRuntimeProperty().get()).isNull();
    }

    @Test
    void everyStateTheWindowCanReachIsReadBackAfterARestart(@TempDir Path dir) throws IOException {
        PresetCatalog catalog = PresetCatalog.load();
        EstimatorViewModel vm = ViewModels.fromCatalog(catalog);
        ImportViewModel imports = new ImportViewModel(vm);
        List<String> failures = new ArrayList<>();
        int states = 0;
        for (ModelDescription preset : catalog.models()) {
            for (Quantization scheme : Quantization.ALL) {
                vm.modelProperty().set(preset);
                vm.quantizationProperty().set(scheme);
                states += roundTrip(vm, dir, preset.id() + " " + scheme.name(), failures);
            }
        }
        for (String config : List.of("llama-3-8b-mlc-chat-config.json", "phi-3.5-vision-config.json",
                "phi-3.5-mini-config.json", "gemma-2-2b-config.json", "qwen3-1.7b-config.json", "mistral-7b-v0.1-config.json")) {
            imports.importArtifact(ArtifactReader.read(resource("/configs/" + config), imports.symbols()));
            for (RuleSet rules : RuleSet.ALL) {
                for (EngineMode mode : EngineMode.values()) {
                    vm.rulesProperty().set(rules);
                    vm.modeProperty().set(mode);
                    states += roundTrip(vm, dir, config + " " + rules.id() + " " + mode, failures);
                }
            }
        }
        vm.modelProperty().set(catalog.model("llama-3-8b").orElseThrow());
        int[][] knobs = {{0, 0, 0, 0}, {1, 1, 1, 1}, {64, 4096, 2048, 512}, {Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE}, {-1, -1, -1, -1}};
        for (int[] k : knobs) {
            for (boolean runtimePrefill : new boolean[] {false, true}) {
                for (int tp : new int[] {1, 2, 3}) {
                    vm.prefillIsRuntimeOverrideProperty().set(runtimePrefill);
                    vm.batchSizeProperty().set(k[0]);
                    vm.kvCapacityProperty().set(k[1]);
                    vm.contextLengthProperty().set(k[2]);
                    vm.prefillChunkProperty().set(k[3]);
                    vm.tensorParallelShardsProperty().set(tp);
                    vm.gpuMemoryUtilizationProperty().set(k[0] == 1 ? 1.5 : 0.9);
                    vm.deviceProperty().set(vm.devices().get(vm.devices().size() - 1));
                    vm.customDeviceBytesProperty().set(k[0] == -1 ? -5 : 1L << 40);
                    states += roundTrip(vm, dir, "knobs " + java.util.Arrays.toString(k) + " " + runtimePrefill + " tp" + tp,
                            failures);
                }
            }
        }
        assertThat(failures).as("of " + states + " states").isEmpty();
        assertThat(states).isGreaterThan(100);
    }

    /** Saves the session as the app does at exit, restarts (a new state and view model) and compares. */
    private static int roundTrip(EstimatorViewModel vm, Path dir, String label, List<String> failures) {
        ScenarioDocument document;
        try {
            document = vm.document();
        } catch (IllegalArgumentException e) {
            return 0; // the app keeps the last consistent session then (nothing is written)
        }
        try {
            new UserState(dir).saveLastScenario(document, "test");
            UserState restarted = new UserState(dir);
            ScenarioDocument read = restarted.lastScenario().orElse(null);
            if (read == null) {
                failures.add(label + ": " + restarted.problems());
                Files.list(dir).filter(p -> p.getFileName().toString().contains(".corrupt-")).forEach(p -> p.toFile().delete());
                return 1;
            }
            EstimatorViewModel fresh = ViewModels.fromCatalog(PresetCatalog.load());
            fresh.apply(read);
            if (!fresh.document().equals(document)) {
                failures.add(label + ": restored differently");
            }
        } catch (IOException | RuntimeException e) {
            failures.add(label + ": " + e);
        }
        return 1;
    }

    @Test
    void theWriterAndTheReaderAgreeOnEveryField(@TempDir Path dir) throws IOException {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        Path file = dir.resolve("s.kvlens.json");
        ScenarioFiles.write(vm.document(), file, "t");
        assertThat(ScenarioFiles.read(file)).isEqualTo(vm.document());
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX, org.junit.jupiter.api.condition.OS.MAC})
    void savingThroughASymlinkWritesTheTargetAndKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.kvlens.json");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.kvlens.json"), real.getFileName());
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        ScenarioFiles.write(vm.document(), link, "t");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"kvlens\" : \"scenario\"");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-------");
        assertThat(names(dir)).containsExactly("link.kvlens.json", "real.kvlens.json");
    }

    @Test
    void temporaryFilesLeftByAKilledSaveAreRemovedAtTheNextStart(@TempDir Path dir) throws IOException {
        Path stale = dir.resolve(".kvlens-123.json.tmp");
        Files.writeString(stale, "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path fresh = dir.resolve(".kvlens-456.json.tmp"); // perhaps another instance saving right now
        Files.writeString(fresh, "busy");
        new UserState(dir);
        assertThat(names(dir)).containsExactly(".kvlens-456.json.tmp");
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs({org.junit.jupiter.api.condition.OS.LINUX, org.junit.jupiter.api.condition.OS.MAC})
    void theCopiedServeCommandKeepsAHostileLocationOneArgument(@TempDir Path dir) throws Exception {
        // R10: modelLocation "HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC; touch $HOME/kvlens-PWNED; echo "
        Artifact saved = ArtifactReader.read(repro("R10-scenario-model-location-shell-injection.kvlens.json"), Map.of());
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        new ImportViewModel(vm).importArtifact(saved);
        dev.kvlens.model.scenario.MlcCommands commands = vm.commands();
        String serve = commands.serve();
        assertThat(serve).startsWith("mlc_llm serve 'HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC; touch $HOME/kvlens-PWNED; echo ' ");
        // the shell itself splits the line: the location stays one argument, nothing runs
        Process sh = new ProcessBuilder("sh", "-c", "printf '[%s]\\n' " + serve.substring("mlc_llm ".length()))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(out.lines().toList()).startsWith("[serve]",
                "[HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC; touch $HOME/kvlens-PWNED; echo ]", "[--mode]");
        assertThat(commands.script(dev.kvlens.model.scenario.MlcCommands.Shell.POWERSHELL))
                .contains("'HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC; touch $HOME/kvlens-PWNED; echo '");
    }

    @Test
    void quotesInsideALocationAreEscapedForBothShells() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        vm.modelLocationProperty().set("/m/it's \u2019x");
        assertThat(vm.commands().serve()).startsWith("mlc_llm serve '/m/it'\\''s \u2019x' ");
        assertThat(vm.commands().script(dev.kvlens.model.scenario.MlcCommands.Shell.POWERSHELL))
                .startsWith("mlc_llm serve '/m/it''s \u2019\u2019x' ");
    }
}
