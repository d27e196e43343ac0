/**
 * The answers built on the estimator: the verdict per mode, workloads and whether a mode holds them, the reverse
 * solves (longest context, largest batch, smallest device), the capacity map, the waterfall from the compile
 * report to the runtime total, and which quantizations fit. Depends on {@code engine} and below.
 */
package dev.kvlens.model.explore;
