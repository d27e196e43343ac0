package dev.kvlens.model;

import java.util.OptionalLong;

/**
 * Where a model stops fitting: for each batch size B (runtime max_num_sequence) and context length L
 * (max_single_sequence_length), whether MLC's memory capacity Tmax at that batch holds B sequences of L tokens
 * (rules §3.5 step 4; the workspaces grow with B, so Tmax is computed per batch). A cell is "tight" when less
 * than 5 % of that capacity is left.
 *
 * @param batches     the x values, ascending
 * @param contexts    the y values, ascending
 * @param capacity    Tmax for each batch (≤ 0: MLC would not start)
 * @param cells       cells[y][x]
 */
public record CapacityMap(int[] batches, int[] contexts, long[] capacity, Cell[][] cells) {

    /** How one (B, L) point fares. */
    public enum Cell { FITS, TIGHT, DOES_NOT_FIT }

    /** Headroom below which a fitting cell counts as tight. */
    public static final double TIGHT_HEADROOM = 0.05;

    /** Computes the map for a scenario's model, device, utilization and rules (its mode's Metal cap included). */
    public static CapacityMap compute(Scenario scenario, int[] batches, int[] contexts) {
        long[] capacity = new long[batches.length];
        for (int x = 0; x < batches.length; x++) {
            capacity[x] = capacityAt(scenario, batches[x]);
        }
        Cell[][] cells = new Cell[contexts.length][batches.length];
        for (int y = 0; y < contexts.length; y++) {
            for (int x = 0; x < batches.length; x++) {
                cells[y][x] = cell(capacity[x], batches[x], contexts[y]);
            }
        }
        return new CapacityMap(batches, contexts, capacity, cells);
    }

    /** Tmax when the batch is B (what MLC can hold, before the per-mode caps). */
    public static long capacityAt(Scenario scenario, int batch) {
        EngineSettings engine = scenario.engine().withOverrides(EngineOverrides.NONE.withMaxNumSequence(OptionalLong.of(batch)));
        return Estimator.estimate(scenario.withEngine(engine)).selected().capacityFromMemory();
    }

    /** The status of B sequences of L tokens against a capacity. */
    public static Cell cell(long capacity, long batch, long context) {
        long need = batch * context;
        if (capacity <= 0 || need > capacity) {
            return Cell.DOES_NOT_FIT;
        }
        return capacity - need < TIGHT_HEADROOM * capacity ? Cell.TIGHT : Cell.FITS;
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
