package dev.kvlens.ui.imports;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.text.Phrase;
import dev.kvlens.ui.scenario.EstimatorViewModel;


/** What an imported runtime log says about the run (rules §3.5): its mode, rules era, user overrides, compiled limits. */
final class RuntimeLogChoices {

    private RuntimeLogChoices() {
    }

    /** The runtime log tells the mode, the rules era ({@code rules}, from its wording) and what the user specified. */
    static void adopt(EstimatorViewModel estimator, PrintedLog.Runtime runtime, RuleSet rules, String source,
                      java.util.function.Consumer<Phrase> notes) {
        if (estimator.rulesProperty().get() != rules) {
            estimator.rulesProperty().set(rules);
            notes.accept(Phrase.of("import.note.rules", rules.id()));
        }
        inferCompileLimits(estimator, runtime, source, notes);
        runtime.actualMode().ifPresent(estimator.modeProperty()::set);
        runtime.modes().values().stream().findFirst().ifPresent(line -> {
            estimator.batchSizeProperty().set(line.batchByUser() ? Math.toIntExact(line.maxNumSequence()) : EstimatorViewModel.AUTO);
            estimator.kvCapacityProperty().set(line.capacityByUser()
                    ? Math.toIntExact(line.maxTotalSequenceLength()) : EstimatorViewModel.AUTO);
            if (line.prefillByUser()) {
                estimator.prefillIsRuntimeOverrideProperty().set(true);
                estimator.prefillChunkProperty().set(Math.toIntExact(line.prefillChunkSize()));
            }
        });
    }

    /**
     * The server line shows two compile-time values of the library that ran: its batch is the compiled
     * max_batch_size and its prefill chunk the compiled prefill_chunk_size, unless the user specified them.
     */
    private static void inferCompileLimits(EstimatorViewModel estimator, PrintedLog.Runtime runtime, String source,
                                           java.util.function.Consumer<Phrase> notes) {
        PrintedLog.ModeLine server = runtime.modes().get(EngineMode.SERVER);
        ModelDescription current = estimator.modelProperty().get();
        if (server == null || current == null) {
            return;
        }
        dev.kvlens.model.library.CompileConfig c = current.compile();
        int batch = server.batchByUser() ? c.maxBatchSize() : Math.toIntExact(server.maxNumSequence());
        int prefill = server.prefillByUser() ? c.prefillChunkSize() : Math.toIntExact(server.prefillChunkSize());
        if (batch == c.maxBatchSize() && prefill == c.prefillChunkSize()) {
            return;
        }
        ModelDescription library = current.withCompile(c.withMaxBatchSize(batch).withPrefillChunkSize(prefill));
        ModelDescription named = new ModelDescription(library.id(), current.name() + " · " + source,
                library.geometry(), library.quantization(), library.compile(), library.chatConfig(), library.source());
        estimator.modelProperty().set(estimator.addImported(named));
        notes.accept(Phrase.of("import.note.compileLimits", Integer.toString(batch), Integer.toString(prefill)));
    }
}
