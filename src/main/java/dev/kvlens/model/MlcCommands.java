package dev.kvlens.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MLC-LLM commands that reproduce a scenario: {@code mlc_llm serve} with the runtime choices the user made
 * (and only those), and — when compile-time values differ from the model's defaults — the {@code gen_config}
 * and {@code compile} steps that would build such a library.
 *
 * @param serve      the serve invocation
 * @param genConfig  the gen_config invocation, when a recompile is needed
 * @param compile    the compile invocation, when a recompile is needed
 */
public record MlcCommands(String serve, Optional<String> genConfig, Optional<String> compile) {

    /** All commands, one per line, in the order to run them. */
    public String script() {
        List<String> lines = new ArrayList<>();
        genConfig.ifPresent(lines::add);
        compile.ifPresent(lines::add);
        lines.add(serve);
        return String.join("\n", lines);
    }

    /**
     * Builds the commands for a scenario.
     *
     * @param spec      the scenario
     * @param defaults  the compile-time values the model comes with (preset or imported config)
     * @param location  where the compiled model lives (a folder, or {@code HF://mlc-ai/...}); empty for a
     *                  placeholder under ./dist
     */
    public static MlcCommands of(ScenarioSpec spec, CompileConfig defaults, Optional<String> location) {
        CompileConfig compile = spec.model().compile();
        String name = slug(spec.model().id()) + "-" + spec.quantization().name();
        String modelDir = "./dist/" + name + "-MLC";
        List<String> genFlags = new ArrayList<>();
        if (compile.contextWindowSize() != defaults.contextWindowSize()) {
            genFlags.add("--context-window-size " + compile.contextWindowSize());
        }
        if (compile.prefillChunkSize() != defaults.prefillChunkSize()) {
            genFlags.add("--prefill-chunk-size " + compile.prefillChunkSize());
        }
        if (compile.maxBatchSize() != defaults.maxBatchSize()) {
            genFlags.add("--max-batch-size " + compile.maxBatchSize());
        }
        if (compile.tensorParallelShards() != defaults.tensorParallelShards()) {
            genFlags.add("--tensor-parallel-shards " + compile.tensorParallelShards());
        }
        if (compile.pipelineParallelStages() != defaults.pipelineParallelStages()) {
            genFlags.add("--pipeline-parallel-stages " + compile.pipelineParallelStages());
        }
        Optional<String> genConfig = Optional.empty();
        Optional<String> compileCmd = Optional.empty();
        String lib = "";
        if (!genFlags.isEmpty()) {
            String backend = spec.device().backend().cliName();
            String libPath = "./dist/libs/" + name + "-" + backend + (backend.equals("metal") ? ".dylib" : ".so");
            genConfig = Optional.of("mlc_llm gen_config <path-to-hf-model> --quantization " + spec.quantization().name()
                    + " --conv-template <template> " + String.join(" ", genFlags) + " -o " + modelDir);
            compileCmd = Optional.of("mlc_llm compile " + modelDir + "/mlc-chat-config.json --device " + backend
                    + " -o " + libPath);
            lib = " --model-lib " + libPath;
        }
        String model = genFlags.isEmpty() ? location.orElse(modelDir) : modelDir;
        String serve = "mlc_llm serve " + model + lib + " --mode " + spec.engine().mode().mlcName()
                + runtimeFlags(spec);
        return new MlcCommands(serve, genConfig, compileCmd);
    }

    private static String runtimeFlags(ScenarioSpec spec) {
        EngineOverrides o = spec.engine().overrides();
        Optional<String> utilization = spec.engine().gpuMemoryUtilization().stream()
                .mapToObj(u -> BigDecimal.valueOf(u).stripTrailingZeros().toPlainString()).findFirst();
        if (spec.rules().wording() == RuleSet.Wording.PYTHON_IS_SET) {
            // April 2024 wheels took these as flags; there was no context override yet.
            StringBuilder flags = new StringBuilder();
            o.maxNumSequence().ifPresent(v -> flags.append(" --max-batch-size ").append(v));
            o.maxTotalSequenceLength().ifPresent(v -> flags.append(" --max-total-seq-length ").append(v));
            o.prefillChunkSize().ifPresent(v -> flags.append(" --prefill-chunk-size ").append(v));
            utilization.ifPresent(v -> flags.append(" --gpu-memory-utilization ").append(v));
            return flags.toString();
        }
        // Current mlc_llm serve: everything runtime goes through --overrides (cli/serve.py EngineConfigOverride).
        List<String> overrides = new ArrayList<>();
        o.maxNumSequence().ifPresent(v -> overrides.add("max_num_sequence=" + v));
        o.maxTotalSequenceLength().ifPresent(v -> overrides.add("max_total_seq_length=" + v));
        o.maxSingleSequenceLength().ifPresent(v -> overrides.add("context_window_size=" + v));
        o.prefillChunkSize().ifPresent(v -> overrides.add("prefill_chunk_size=" + v));
        utilization.ifPresent(v -> overrides.add("gpu_memory_utilization=" + v));
        return overrides.isEmpty() ? "" : " --overrides \"" + String.join(";", overrides) + "\"";
    }

    private static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
