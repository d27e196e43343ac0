package dev.kvlens.model;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.explore.Waterfall;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.Imports;
import dev.kvlens.model.mlc.LibraryModels;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.mlc.SameModel;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.SharedData;
import dev.kvlens.TestScenarios;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.MlcLogParser;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.PhrasedException;
import dev.kvlens.text.Phrases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the model tells people (import notes, where a figure came from, why an input is refused) is a phrase: English
 * as the CLI always printed it (the expected texts are those of the CLI tests), Chinese for a Chinese window.
 */
class ModelPhrasesTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    private static Artifact.Metadata library(String path) {
        return (Artifact.Metadata) ArtifactReader.read(SharedData.path(path), Map.of());
    }

    private static List<String> words(Locale language, List<Phrase> phrases) {
        return phrases.stream().map(p -> Phrases.format(language, p)).toList();
    }

    @Test
    void aCompileLogsNotesReadInBothLanguages() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("zhjunqin-llama2-7b-cuda-compile"));

        Imports.Applied applied = Imports.compileLog(TestScenarios.preset("llama-2-7b"), Quantization.require("q4f16_1"),
                log.compile().orElseThrow(), "compile.log");

        // the log prints "Temporary buffer: 462.62 MB"
        assertThat(words(EN, applied.notes()))
                .contains("temporary buffer from compile.log: Temporary buffer 462.62 MB in compile.log");
        assertThat(words(ZH, applied.notes())).contains("临时缓冲区取自 compile.log：compile.log 中的 Temporary buffer 462.62 MB");
        assertThat(applied.temp().orElseThrow().detail()).isEqualTo("Temporary buffer 462.62 MB in compile.log");
    }

    @Test
    void aLibrarysFiguresSayWhereTheyCameFromInBothLanguages() {
        Artifact.Metadata qwen = library("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so");
        List<Phrase> notes = new ArrayList<>();
        ModelDescription model = LibraryModels.describe(qwen.source(), qwen.metadata(), notes);

        Imports.Applied applied = Imports.metadata(model, qwen.metadata(), qwen.source());

        ByteFigure params = applied.params().orElseThrow();
        assertThat(params.detail()).isEqualTo("from Qwen-7B-Chat-q4f16_1-mali.so"); // ModelFilesCliTest's JSON detail
        assertThat(Phrases.format(ZH, params.note())).isEqualTo("来自 Qwen-7B-Chat-q4f16_1-mali.so");
        assertThat(Phrases.format(ZH, applied.temp().orElseThrow().note()))
                .isEqualTo("来自 Qwen-7B-Chat-q4f16_1-mali.so（memory_usage）");
        // the mali build records no max_batch_size and its batch_decode differs from decode: gen_config's 80 of then
        assertThat(words(EN, notes)).containsExactly("the library records no max_batch_size (built before 2024-05-29; "
                + "current MLC cannot load it): assuming 80, gen_config's default of that time");
        assertThat(words(ZH, notes)).containsExactly("该模型库没有记录 max_batch_size（2024-05-29 之前构建；当前的 MLC 无法加载）："
                + "假定为 80，即当时 gen_config 的默认值");
    }

    @Test
    void aLibraryThatCannotDescribeItselfSaysWhyInBothLanguages() {
        Artifact.Metadata llama = library("mlc-libs-bin/Llama-2-7b-chat-hf-q4f16_1-android.tar");

        assertThatThrownBy(() -> LibraryModels.describe(llama.source(), llama.metadata()))
                .isInstanceOf(PhrasedException.class)
                .hasMessage("Llama-2-7b-chat-hf-q4f16_1-android.tar: the parameter shapes use the symbolic dimension "
                        + "vocab_size; give the model folder (--model DIR) or its mlc-chat-config.json so it can be resolved")
                .satisfies(e -> assertThat(Phrases.message(ZH, e)).isEqualTo("Llama-2-7b-chat-hf-q4f16_1-android.tar："
                        + "参数形状使用了符号维度 vocab_size；请给出模型文件夹（--model DIR）或其 mlc-chat-config.json 以便确定它"));
    }

    @Test
    void aLibraryOfAnotherModelIsNamedInBothLanguages() {
        Artifact.Metadata qwen = library("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so");

        SameModel.Mismatch m = SameModel.mismatch(TestScenarios.preset("llama-3-8b"), qwen.metadata(), qwen.source())
                .orElseThrow();

        // ModelFilesCliTest's line
        assertThat(m.english()).isEqualTo("Qwen-7B-Chat-q4f16_1-mali.so is qwen (32 layers, 32 KV heads of 128 per "
                + "shard), but Llama-3-8B-Instruct is llama (32 layers, 8 KV heads of 128 per shard): they describe "
                + "different models");
        assertThat(Phrases.format(ZH, m.phrase())).isEqualTo("Qwen-7B-Chat-q4f16_1-mali.so 是 qwen（32 层，每个分片 32 个 "
                + "KV 头，维度 128），而 Llama-3-8B-Instruct 是 llama（32 层，每个分片 8 个 KV 头，维度 128）：两者描述的是不同的模型");
    }

    @Test
    void aValueThePersonTypedIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> EngineOverrides.NONE.withMaxNumSequence(java.util.OptionalLong.of(0)))
                .isInstanceOf(PhrasedException.class)
                .hasMessage("max_num_sequence must be between 1 and 2147483647, got 0") // CliTest: "must be between 1"
                .satisfies(e -> assertThat(Phrases.message(ZH, e))
                        .isEqualTo("max_num_sequence 必须介于 1 和 2147483647 之间，实际为 0"));
        assertThatThrownBy(() -> Quantization.require("q9f99"))
                .hasMessageStartingWith("unknown quantization 'q9f99' (known: q0f16, ")
                .satisfies(e -> assertThat(Phrases.message(ZH, e)).startsWith("未知的量化方案“q9f99”（已知：q0f16, "));
    }

    @Test
    void aValueBeyondTheLimitsNamesItsFieldInBothLanguages() {
        ModelDescription llama = TestScenarios.preset("llama-3-8b");
        dev.kvlens.model.architecture.ModelGeometry g = llama.geometry();
        ModelDescription deep = new ModelDescription(llama.id(), llama.name(), new dev.kvlens.model.architecture.ModelGeometry(
                g.modelType(), g.family(), 65_536, g.numAttentionHeads(), g.numKeyValueHeads(), g.headDim(),
                g.hiddenSize(), g.intermediateSize(), g.vocabSize(), g.tieWordEmbeddings(), false), llama.quantization(),
                llama.compile(), llama.chatConfig(), llama.source());

        InputLimits.Violation v = InputLimits.check(deep).orElseThrow();

        // HostileReprosTest: "field 'num_hidden_layers' is 65536, more than 4096"
        assertThat(v.message()).isEqualTo("field 'num_hidden_layers' is 65536, more than 4096 (KV Lens's limit)");
        assertThat(Phrases.format(ZH, v.phrase())).isEqualTo("字段“num_hidden_layers”为 65536，超过 4096（KV Lens 的上限）");
    }

    @Test
    void theRuleSetsAreNamedInBothLanguages() {
        for (RuleSet rules : RuleSet.ALL) {
            assertThat(Phrases.format(EN, rules.phrase())).isEqualTo(rules.label());
        }
        assertThat(Phrases.format(ZH, RuleSet.C2024.phrase()))
                .isEqualTo("MLC-LLM 引擎规则 C-2024（Python engine_base.py，2024-04-23 至 2024-05-03）");
    }

    @Test
    void theWaterfallsFormulasReadInChinese() {
        Estimate e = Estimator.estimate(TestScenarios.scenario(TestScenarios.library("llama-3-8b", "q4f16_1",
                CompileConfig.defaultsFor(8192), 100 * TestScenarios.MIB), TestScenarios.RTX4090_BYTES, EngineMode.LOCAL,
                RuleSet.D2025));

        List<Waterfall.Step> steps = Waterfall.of(e, e.selected());

        assertThat(Phrases.format(EN, steps.get(2).formula())).isEqualTo("temp_buffer × 2 (\"for safety\")");
        assertThat(Phrases.format(ZH, steps.get(2).formula())).isEqualTo("temp_buffer × 2（“为了安全”）");
        assertThat(Phrases.format(ZH, steps.get(1).formula())).isEqualTo("各函数 memory_usage 的最大值");
    }
}
