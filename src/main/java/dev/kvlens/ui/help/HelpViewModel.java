package dev.kvlens.ui.help;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * "Why is the KV cache 0 MB at compile time?" with the current scenario's own numbers (rules §3.4, §3.5): the
 * explainer's headings and paragraphs in the user's language.
 */
public final class HelpViewModel {

    /** One block of the explainer: a heading or a paragraph. */
    public record Block(boolean heading, String text) {
    }

    private final ObservableValue<List<Block>> blocks;

    public HelpViewModel(EstimatorViewModel estimator) {
        blocks = Bindings.createObjectBinding(() -> blocks(estimator.result()), estimator.resultProperty(),
                Language.localeProperty());
    }

    /** The explainer now. */
    public ObservableValue<List<Block>> blocksProperty() {
        return blocks;
    }

    private static List<Block> blocks(EstimateResult result) {
        List<Block> out = new ArrayList<>();
        heading(out, "help.title");
        if (result == null || result.estimate().isEmpty()) {
            text(out, Language.get("help.noScenario"));
            return out;
        }
        Estimate e = result.estimate().get();
        var compile = result.compileReport().orElseThrow();
        ModeEstimate local = e.mode(EngineMode.LOCAL).orElse(e.selected());
        ModeEstimate server = e.mode(EngineMode.SERVER).orElse(e.selected());
        String model = e.scenario().model().name() + " " + e.scenario().model().quantization().name();
        text(out, Language.get("help.compile", model, mib(compile.paramsBytes()), mib(compile.tempFuncBytes())));
        heading(out, "help.runtimeTitle");
        text(out, Language.get("help.runtime", mib(e.deviceBytes()), e.utilization() == 0.8500000238418579 ? "0.85"
                        : Double.toString(e.utilization()), mib(local.availableBytes()), mib(local.tempBufferBytes()),
                mib(local.kvAuxBytes()), mib(local.modelWorkspaceBytes() + local.logitWorkspaceBytes())));
        heading(out, "help.modesTitle");
        text(out, Language.get("help.modes", Long.toString(local.maxTotalSequenceLength()), mib(local.kvCacheBytes()),
                Long.toString(server.maxNumSequence()), Long.toString(server.maxTotalSequenceLength()),
                mib(server.kvCacheBytes()), mib(server.totalBytes())));
        heading(out, "help.knobsTitle");
        text(out, Language.get("help.knobs"));
        heading(out, "help.mlcTitle");
        text(out, Language.get("help.mlc"));
        return out;
    }

    private static void heading(List<Block> out, String key) {
        out.add(new Block(true, Language.get(key)));
    }

    private static void text(List<Block> out, String text) {
        for (String paragraph : text.split("\n\n")) {
            out.add(new Block(false, paragraph));
        }
    }

    private static String mib(double bytes) {
        return Mib.format(bytes, 0) + " MiB";
    }
}
