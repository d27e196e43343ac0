package dev.kvlens.ui.imports;

import dev.kvlens.ui.scenario.EstimatorViewModel;

import dev.kvlens.TestScenarios;
import dev.kvlens.io.MlcLogParser;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An imported log sets the rule set its lines belong to and the date it was written (rules §6, §1.3). */
class ImportLogErasTest {

    private final EstimatorViewModel vm = TestScenarios.startingViewModel();
    private final ImportViewModel imports = new ImportViewModel(vm);

    private void importPublished(String id) {
        imports.importArtifact(new Artifact.Log(id + ".log", MlcLogParser.parse(TestScenarios.publishedText(id))));
    }

    @Test
    void aMay2024CppLogSwitchesToTheMidTwentyFourRules() {
        importPublished("bentomlc-llama3-8b-local"); // config.cc:601, 2024-05-09

        assertThat(vm.rulesProperty().get()).isEqualTo(RuleSet.D2024_MID);
        assertThat(vm.result().compileLines().get(0)).startsWith("Total memory usage without KV cache:: ");
    }

    @Test
    void aDatedPythonLogSetsEraCAndTheBuildDate() {
        importPublished("mlc-2128-per-mode"); // [2024-04-12 21:44:44] INFO engine_base.py:395: …

        assertThat(vm.rulesProperty().get()).isEqualTo(RuleSet.C2024);
        assertThat(vm.builtOnProperty().get()).isEqualTo(LocalDate.of(2024, 4, 12));
        assertThat(vm.builtOn()).isEqualTo(LocalDate.of(2024, 4, 12));
        assertThat(imports.notes()).anyMatch(n -> n.contains("2024-04-12")).anyMatch(n -> n.contains("c2024"));

        vm.modelProperty().set(vm.models().get(1)); // another model: the log's date was not its build's
        assertThat(vm.builtOnProperty().get()).isNull();
        assertThat(vm.builtOn()).isEqualTo(LocalDate.of(2024, 5, 2)); // C-2024's own era
    }
}
