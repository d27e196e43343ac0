package dev.kvlens.ui.shell;

import dev.kvlens.TestScenarios;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.model.EngineMode;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.common.FileService;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's status line, problems and recent files as the shell view model publishes them, without the toolkit. */
class ShellViewModelTest {

    private EstimatorViewModel vm;
    private ShellViewModel shell;
    private final List<Path> remembered = new ArrayList<>();

    /** A file service that finds nothing it can read (its message names the file, as the io readers' do). */
    private static final FileService REFUSING = (FileService) java.lang.reflect.Proxy.newProxyInstance(
            FileService.class.getClassLoader(), new Class<?>[] {FileService.class}, (proxy, method, args) -> {
                throw new IllegalArgumentException("/models/secret.json: is not JSON (line 1)");
            });

    @BeforeEach
    void setUp() {
        Language.set(Language.ENGLISH);
        vm = TestScenarios.startingViewModel();
        shell = new ShellViewModel(vm, new ImportViewModel(vm), new FileCommands(REFUSING, Runnable::run),
                new RecentFiles(List.of(Path.of("/tmp/a/llama.kvlens.json")), remembered::add), Runnable::run);
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theStatusOfTheWorkedExampleInBothLanguages() {
        // rules §7: local mode on the RTX 4090: batch 4 (local default), KV capacity 8192, prefill 8192
        assertThat(shell.statusProperty().get()).startsWith(
                "MLC would start in mode \"local\": batch 4, KV capacity 8192 tokens, prefill 8192; estimated ");
        assertThat(shell.statusProblemProperty().get()).isFalse();
        Language.set(Language.CHINESE);
        assertThat(shell.statusProperty().get()).startsWith("MLC 会以模式“local”启动：批大小 4，KV 容量 8192 token，预填充 8192；");
    }

    @Test
    void aModeThatDoesNotFitIsAProblemInTheStatusLine() {
        vm.customDeviceBytesProperty().set(2L << 30);
        vm.deviceProperty().set(vm.devices().get(vm.devices().size() - 1));
        vm.modeProperty().set(EngineMode.SERVER);
        assertThat(shell.statusProperty().get()).startsWith("MLC would stop in mode \"");
        assertThat(shell.statusProblemProperty().get()).isTrue();
    }

    @Test
    void aRefusedReadIsAProblemNamingTheFileAndChangesNothing() {
        String before = vm.logTextProperty().getValue();
        assertThat(shell.importFile(Path.of("/models/secret.json")).join()).isFalse();
        assertThat(shell.problemProperty().get()).isEqualTo(new ShellViewModel.Problem(
                "Could not import secret.json", "/models/secret.json: is not JSON (line 1)"));
        assertThat(shell.statusProperty().get()).isEqualTo("Could not import secret.json: /models/secret.json: is not JSON (line 1)");
        assertThat(vm.logTextProperty().getValue()).isEqualTo(before);
        assertThat(remembered).isEmpty();
    }

    @Test
    void aBrokenFileIsReportedInTheWindowsLanguage(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("chat-dupkey.json"), "{\"model_type\":\"llama\",\"model_type\":\"qwen2\"}");
        FileService reader = (FileService) java.lang.reflect.Proxy.newProxyInstance(FileService.class.getClassLoader(),
                new Class<?>[] {FileService.class}, (proxy, method, args) -> ArtifactReader.read((Path) args[0], Map.of()));
        ShellViewModel window = new ShellViewModel(vm, new ImportViewModel(vm), new FileCommands(reader, Runnable::run),
                new RecentFiles(List.of(), remembered::add), Runnable::run);
        Language.set(Language.CHINESE);
        assertThat(window.importFile(broken).join()).isFalse();
        assertThat(window.problemProperty().get()).isEqualTo(new ShellViewModel.Problem(
                "无法导入 chat-dupkey.json", "chat-dupkey.json：第 1 行有重复的键 \"model_type\""));
        assertThat(window.statusProperty().get()).isEqualTo("无法导入 chat-dupkey.json：chat-dupkey.json：第 1 行有重复的键 \"model_type\"");
        Language.set(Language.ENGLISH);
        assertThat(window.importFile(broken).join()).isFalse();
        assertThat(window.problemProperty().get().message()).isEqualTo("chat-dupkey.json: duplicate key \"model_type\" at line 1");
    }

    @Test
    void recentFilesAreListedAsNameAndFolder() {
        assertThat(shell.recentEntries()).extracting(ShellViewModel.RecentEntry::label)
                .containsExactly("llama.kvlens.json  —  /tmp/a");
    }
}
