package dev.kvlens.ui.chart;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.library.TempBufferSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's line about where the temporary buffer comes from, in both languages. */
class TempProvenanceTextTest {

    private static final ModelGeometry QWEN2_05B = new ModelGeometry("qwen2", ModelFamily.QWEN2, 24, 14, 2, 64, 896,
            4864, 151936, true, false);
    private static final CompileConfig CS1K = new CompileConfig(4096, 1024, 80, 1, 1, -1);

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aFigureReadFromALibraryNamesTheFileInTheUsersLanguage() {
        ByteFigure read = ByteFigure.given(1_324_351_488L, "from Qwen2-0.5B-Instruct-q4f16_1-webgpu.wasm (memory_usage)");

        I18n.setLocale(I18n.CHINESE);
        assertThat(ChartViewModel.tempText(read)).isEqualTo("临时缓冲区为精确值，来自 Qwen2-0.5B-Instruct-q4f16_1-webgpu.wasm (memory_usage)");
        I18n.setLocale(I18n.ENGLISH);
        assertThat(ChartViewModel.tempText(read)).isEqualTo("temporary buffer exact, from Qwen2-0.5B-Instruct-q4f16_1-webgpu.wasm (memory_usage)");
    }

    @Test
    void thePlannersFiguresSayWhetherTheTargetIsValidated() {
        Quantization q = Quantization.require("q4f16_1");
        ByteFigure webgpu = TempBufferSource.estimate(QWEN2_05B, q, CS1K, PlannerTarget.WEBGPU);
        ByteFigure metal = TempBufferSource.estimate(QWEN2_05B, q, CS1K, PlannerTarget.METAL);
        ByteFigure cuda = TempBufferSource.estimate(QWEN2_05B, q, CS1K, PlannerTarget.CUDA);

        assertThat(ChartViewModel.tempText(webgpu)).isEqualTo("temporary buffer computed with MLC's memory planner (webgpu build)");
        assertThat(ChartViewModel.tempText(metal)).isEqualTo("temporary buffer estimated with MLC's memory planner (not validated on metal)");
        assertThat(ChartViewModel.tempText(cuda)).isEqualTo("temporary buffer approx. (heuristic)");
        I18n.setLocale(I18n.CHINESE);
        assertThat(ChartViewModel.tempText(webgpu)).isEqualTo("临时缓冲区由 MLC 内存规划器计算（webgpu 构建）");
    }
}
