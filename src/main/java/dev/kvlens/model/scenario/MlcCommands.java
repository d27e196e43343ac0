package dev.kvlens.model.scenario;

import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.library.CompileConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MLC-LLM commands that reproduce a scenario: {@code mlc_llm serve} with the runtime choices the user made
 * (and only those), and — when compile-time values differ from the model's defaults — the {@code gen_config}
 * and {@code compile} steps that would build such a library. Every argument that comes from a file or the user
 * (the model location above all) is quoted for the shell it is pasted into, POSIX sh or PowerShell, so a
 * location such as {@code x; touch y} stays one argument.
 *
 * @param serveArgs      the serve invocation, one entry per argument
 * @param genConfigArgs  the gen_config invocation, when a recompile is needed
 * @param compileArgs    the compile invocation, when a recompile is needed
 */
public record MlcCommands(List<Arg> serveArgs, Optional<List<Arg>> genConfigArgs, Optional<List<Arg>> compileArgs) {

    /**
     * A model {@code mlc_llm serve --additional-models} loads next to the main one (rules §3.8).
     *
     * @param location  its MLC model folder, if known (else a placeholder under ./dist named after {@code name})
     * @param name      a name for the placeholder folder (model id and scheme)
     * @param modelType its {@code model_type}: eagle and medusa heads choose their speculative mode
     */
    public record Additional(Optional<String> location, String name, String modelType) {
    }

    /** The shell a command is written for. */
    public enum Shell { POSIX, POWERSHELL }

    /**
     * One argument: quoted when needed, or kept as written ({@code raw}: placeholders to edit and the
     * {@code --overrides} value KV Lens composes from digits and names).
     */
    public record Arg(String text, boolean raw) {
        static Arg of(String text) {
            return new Arg(text, false);
        }

        static Arg raw(String text) {
            return new Arg(text, true);
        }

        String render(Shell shell) {
            if (raw) {
                return text;
            }
            String safe = shell == Shell.POSIX ? "[A-Za-z0-9._/:@%+=,-]+" : "[A-Za-z0-9._/:\\\\-]+";
            if (!text.isEmpty() && text.matches(safe)) {
                return text;
            }
            // POSIX: nothing is special inside '…' but ' itself; PowerShell: a quote (its four typographic
            // ones included) is doubled inside '…'.
            return shell == Shell.POSIX ? "'" + text.replace("'", "'\\''") + "'"
                    : "'" + text.replaceAll("(['\u2018\u2019\u201A\u201B])", "$1$1") + "'";
        }
    }

    public MlcCommands {
        serveArgs = List.copyOf(serveArgs);
        genConfigArgs = genConfigArgs.map(List::copyOf);
        compileArgs = compileArgs.map(List::copyOf);
    }

    /** The serve command for POSIX shells. */
    public String serve() {
        return render(serveArgs, Shell.POSIX);
    }

    /** The gen_config command for POSIX shells, when a recompile is needed. */
    public Optional<String> genConfig() {
        return genConfigArgs.map(a -> render(a, Shell.POSIX));
    }

    /** The compile command for POSIX shells, when a recompile is needed. */
    public Optional<String> compile() {
        return compileArgs.map(a -> render(a, Shell.POSIX));
    }

    /** All commands for POSIX shells, one per line, in the order to run them. */
    public String script() {
        return script(Shell.POSIX);
    }

    /** All commands for a shell, one per line, in the order to run them. */
    public String script(Shell shell) {
        List<String> lines = new ArrayList<>();
        genConfigArgs.ifPresent(a -> lines.add(render(a, shell)));
        compileArgs.ifPresent(a -> lines.add(render(a, shell)));
        lines.add(render(serveArgs, shell));
        return String.join("\n", lines);
    }

    private static String render(List<Arg> args, Shell shell) {
        StringBuilder line = new StringBuilder();
        for (Arg arg : args) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(arg.render(shell));
        }
        return line.toString();
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
        return of(spec, defaults, location, List.of());
    }

    /**
     * The commands for a scenario with additional models: serve gets {@code --additional-models} with each model's
     * folder and {@code --speculative-mode} (eagle, medusa, else small_draft), MLC's {@code cli/serve.py} syntax.
     */
    public static MlcCommands of(ScenarioSpec spec, CompileConfig defaults, Optional<String> location,
                                 List<Additional> additional) {
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
        Optional<List<Arg>> genConfig = Optional.empty();
        Optional<List<Arg>> compileCmd = Optional.empty();
        List<Arg> serve = new ArrayList<>(List.of(Arg.of("mlc_llm"), Arg.of("serve")));
        if (!genFlags.isEmpty()) {
            String backend = spec.device().backend().cliName();
            String libPath = "./dist/libs/" + name + "-" + backend + (backend.equals("metal") ? ".dylib" : ".so");
            List<Arg> gen = new ArrayList<>(List.of(Arg.of("mlc_llm"), Arg.of("gen_config"), Arg.raw("<path-to-hf-model>"),
                    Arg.of("--quantization"), Arg.of(spec.quantization().name()), Arg.of("--conv-template"),
                    Arg.raw("<template>")));
            genFlags.forEach(f -> gen.addAll(List.of(Arg.of(f.substring(0, f.indexOf(' '))),
                    Arg.of(f.substring(f.indexOf(' ') + 1)))));
            gen.addAll(List.of(Arg.of("-o"), Arg.of(modelDir)));
            genConfig = Optional.of(gen);
            compileCmd = Optional.of(List.of(Arg.of("mlc_llm"), Arg.of("compile"), Arg.of(modelDir + "/mlc-chat-config.json"),
                    Arg.of("--device"), Arg.of(backend), Arg.of("-o"), Arg.of(libPath)));
            serve.add(Arg.of(modelDir));
            serve.addAll(List.of(Arg.of("--model-lib"), Arg.of(libPath)));
        } else {
            String model = location.orElse(modelDir);
            // a location starting with "-" would be read as an option: make it a relative path
            serve.add(Arg.of(model.startsWith("-") ? "./" + model : model));
        }
        serve.addAll(List.of(Arg.of("--mode"), Arg.of(spec.engine().mode().mlcName())));
        serve.addAll(runtimeFlags(spec));
        serve.addAll(additionalFlags(additional));
        return new MlcCommands(serve, genConfig, compileCmd);
    }

    /**
     * {@code --additional-models A B …} (argparse {@code nargs="*"}: it ends at the next option, so it comes after the
     * model and is followed by {@code --speculative-mode}). MLC splits each value at its first ',' into model and
     * library, so a folder with a comma cannot be passed and gets a placeholder to edit.
     */
    private static List<Arg> additionalFlags(List<Additional> additional) {
        if (additional.isEmpty()) {
            return List.of();
        }
        List<Arg> flags = new ArrayList<>(List.of(Arg.of("--additional-models")));
        for (Additional a : additional) {
            String folder = a.location().orElse("./dist/" + slug(a.name()) + "-MLC");
            flags.add(folder.contains(",") ? Arg.raw("<" + slug(a.name()) + "-folder-without-commas>")
                    : Arg.of(folder.startsWith("-") ? "./" + folder : folder));
        }
        String type = additional.get(0).modelType().toLowerCase(Locale.ROOT);
        String mode = type.equals("eagle") || type.equals("medusa") ? type : "small_draft";
        flags.addAll(List.of(Arg.of("--speculative-mode"), Arg.of(mode)));
        return flags;
    }

    private static List<Arg> runtimeFlags(ScenarioSpec spec) {
        EngineOverrides o = spec.engine().overrides();
        Optional<String> utilization = spec.engine().gpuMemoryUtilization().stream()
                .mapToObj(u -> BigDecimal.valueOf(u).stripTrailingZeros().toPlainString()).findFirst();
        List<Arg> flags = new ArrayList<>();
        if (spec.rules().wording() == RuleSet.Wording.PYTHON_IS_SET) {
            // April 2024 wheels took these as flags; there was no context override yet.
            o.maxNumSequence().ifPresent(v -> flags.addAll(List.of(Arg.of("--max-batch-size"), Arg.of(Long.toString(v)))));
            o.maxTotalSequenceLength().ifPresent(v -> flags.addAll(List.of(Arg.of("--max-total-seq-length"),
                    Arg.of(Long.toString(v)))));
            o.prefillChunkSize().ifPresent(v -> flags.addAll(List.of(Arg.of("--prefill-chunk-size"), Arg.of(Long.toString(v)))));
            utilization.ifPresent(v -> flags.addAll(List.of(Arg.of("--gpu-memory-utilization"), Arg.of(v))));
            return flags;
        }
        // Current mlc_llm serve: everything runtime goes through --overrides (cli/serve.py EngineConfigOverride).
        List<String> overrides = new ArrayList<>();
        o.maxNumSequence().ifPresent(v -> overrides.add("max_num_sequence=" + v));
        o.maxTotalSequenceLength().ifPresent(v -> overrides.add("max_total_seq_length=" + v));
        o.maxSingleSequenceLength().ifPresent(v -> overrides.add("context_window_size=" + v));
        o.prefillChunkSize().ifPresent(v -> overrides.add("prefill_chunk_size=" + v));
        utilization.ifPresent(v -> overrides.add("gpu_memory_utilization=" + v));
        if (!overrides.isEmpty()) {
            // digits, names, '=', '.', ';' only: double quotes mean the same in sh and PowerShell here
            flags.addAll(List.of(Arg.of("--overrides"), Arg.raw("\"" + String.join(";", overrides) + "\"")));
        }
        return flags;
    }

    private static String slug(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
