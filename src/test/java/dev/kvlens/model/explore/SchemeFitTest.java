package dev.kvlens.model.explore;

import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.library.SchemeAvailability;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.text.Phrases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 4: every scheme MLC accepts for the model, with exact parameter bytes (rules §5 layouts; §7 for
 * q4f16_1), MLC's KV capacity per mode and the verdict, against hand arithmetic from the rules' worked example (§7).
 */
class SchemeFitTest {

    private static final Device RTX4090 = new Device("NVIDIA GeForce RTX 4090", Backend.CUDA, 25_393_692_672L);

    private static List<SchemeFit> llama3(EngineMode mode) {
        return SchemeFit.all(TestScenarios.preset("llama-3-8b"), RTX4090, EngineSettings.defaults(mode), RuleSet.D2025,
                PlannerTarget.CUDA);
    }

    private static SchemeFit row(List<SchemeFit> rows, String scheme) {
        return rows.stream().filter(r -> r.scheme().name().equals(scheme)).findFirst().orElseThrow();
    }

    @Test
    void q4f16AndQ0f16OnA4090() {
        List<SchemeFit> rows = llama3(EngineMode.SERVER);
        SchemeFit q4 = row(rows, "q4f16_1");
        // §7: 4,517,404,672 B, exact from the layout; the temporary buffer is the §4.2 heuristic (estimated)
        assertThat(q4.parameters().bytes()).isEqualTo(4_517_404_672L);
        assertThat(q4.parameters().provenance().exact()).isTrue();
        assertThat(q4.tempFunction().provenance().exact()).isFalse();
        assertThat(q4.maxTotalSequenceLength(EngineMode.LOCAL)).contains(8192L);
        assertThat(q4.maxTotalSequenceLength(EngineMode.SERVER)).contains(105_511L); // §7
        SchemeFit q0 = row(rows, "q0f16");
        // q0f16: 16,060,522,496 B (BentoMLC's 15316.51 MB); server non-KV 19,298,068,568 B, Tmax = 17,444.98 → 17,444;
        // local 19,040,591,000 B, Tmax 19,409 → T = 8192
        assertThat(q0.parameters().bytes()).isEqualTo(16_060_522_496L);
        assertThat(q0.maxTotalSequenceLength(EngineMode.SERVER)).contains(17_444L);
        assertThat(q0.maxTotalSequenceLength(EngineMode.LOCAL)).contains(8192L);
        // physical local: 19,040,591,000 + 1026 MiB of pages + 792 MiB FlashInfer = 20,896,570,520 B → 4.19 GiB left
        ModeVerdict local = q0.verdicts().get(0);
        assertThat(local.status()).isEqualTo(ModeVerdict.Status.FITS);
        assertThat(Phrases.format(Locale.ENGLISH, local.shortPhrase())).isEqualTo("fits, 4.19 GiB left");
        assertThat(Phrases.format(Locale.SIMPLIFIED_CHINESE, local.shortPhrase())).isEqualTo("放得下，剩余 4.19 GiB");
        assertThat(q0.selectedVerdict().mode()).isEqualTo(EngineMode.SERVER);
    }

    @Test
    void everySchemeMlcAcceptsIsListedAndOnlyThose() {
        List<SchemeFit> rows = llama3(EngineMode.LOCAL);
        ModelGeometry llama = TestScenarios.preset("llama-3-8b").geometry();
        for (Quantization q : Quantization.ALL) {
            boolean accepted;
            try {
                SchemeAvailability.check(llama, q, 1);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(rows.stream().anyMatch(r -> r.scheme().equals(q))).as(q.name()).isEqualTo(accepted);
        }
        assertThat(rows).extracting(r -> r.scheme().name()).contains("q0f16", "q0f32", "q3f16_1", "q4f16_1", "q4f32_1");
        // q0f32 needs 2 × 16,060,522,496 B of parameters: more than the 4090's budget in every mode
        assertThat(row(rows, "q0f32").selectedVerdict().status()).isEqualTo(ModeVerdict.Status.DOES_NOT_FIT);
    }
}
