/**
 * What MLC itself prints and writes, to the byte: the compile report of each era (rules §1), the engine's log
 * lines (§3.6), a log read back ({@link dev.kvlens.model.mlc.PrintedLog}), a library's {@code _metadata}
 * (§2.1), and how such an artifact applies to a model (limits, measured bytes, "is this the same model?").
 * Depends on {@code engine} and below.
 */
package dev.kvlens.model.mlc;
