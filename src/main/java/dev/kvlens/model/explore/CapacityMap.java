package dev.kvlens.model.explore;

import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.Scenario;
import java.util.OptionalLong;

/**
 * Where a model stops fitting in the scenario's mode: for each batch size B (max_num_sequence) and context length L
 * (max_single_sequence_length), whether MLC in that mode starts and its KV capacity T holds B sequences of L tokens
 * ({@link WorkloadFit}, rules §3.5). A local-mode KV cache of L tokens cannot hold 20 sequences of L; a server one
 * holds them while Tmax at that batch reaches B × L. A cell is "tight" when less than 5 % of Tmax is left.
 *
 * @param batches   the x values, ascending
 * @param contexts  the y values, ascending
 * @param capacity  Tmax for each batch (≤ 0: MLC would not start)
 * @param cells     cells[y][x]
 * @param fits      fits[y][x]: T, the tokens needed and which condition fails
 */
public record CapacityMap(int[] batches, int[] contexts, long[] capacity, Cell[][] cells, WorkloadFit[][] fits) {

    /** How one (B, L) point fares. */
    public enum Cell { FITS, TIGHT, DOES_NOT_FIT }

    /** Headroom below which a fitting cell counts as tight. */
    public static final double TIGHT_HEADROOM = WorkloadFit.TIGHT_HEADROOM;

    /** Computes the map for a scenario's model, device, utilization, mode, overrides and rules. */
    public static CapacityMap compute(Scenario scenario, int[] batches, int[] contexts) {
        long[] capacity = new long[batches.length];
        Cell[][] cells = new Cell[contexts.length][batches.length];
        WorkloadFit[][] fits = new WorkloadFit[contexts.length][batches.length];
        for (int y = 0; y < contexts.length; y++) {
            for (int x = 0; x < batches.length; x++) {
                WorkloadFit fit = WorkloadFit.of(scenario, Workload.of(batches[x], contexts[y]));
                fits[y][x] = fit;
                cells[y][x] = cell(fit);
                capacity[x] = fit.capacityFromMemory();
            }
        }
        return new CapacityMap(batches, contexts, capacity, cells, fits);
    }

    /** Tmax when the batch is B (what the memory budget allows, before the per-mode caps), other overrides kept. */
    public static long capacityAt(Scenario scenario, int batch) {
        EngineSettings engine = scenario.engine().withOverrides(
                scenario.engine().overrides().withMaxNumSequence(OptionalLong.of(batch)));
        return Estimator.estimate(scenario.withEngine(engine)).selected().capacityFromMemory();
    }

    /** The colour class of a workload's fit. */
    public static Cell cell(WorkloadFit fit) {
        return !fit.fits() ? Cell.DOES_NOT_FIT : fit.tight() ? Cell.TIGHT : Cell.FITS;
    }

    /** Values from low to high on a log scale, rounded to integers, without duplicates. */
    public static int[] logScale(int low, int high, int count) {
        java.util.TreeSet<Integer> values = new java.util.TreeSet<>();
        if (high <= low || count <= 1) {
            values.add(Math.max(1, low));
            values.add(Math.max(1, high));
        } else {
            double ratio = Math.log((double) high / low);
            for (int i = 0; i < count; i++) {
                values.add((int) Math.round(low * Math.exp(ratio * i / (count - 1))));
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
