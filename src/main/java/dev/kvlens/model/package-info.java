/**
 * MLC-LLM's memory rules in pure Java (no toolkit, no I/O; ArchitectureTest keeps it so), in layers that depend
 * only downwards:
 * <ul>
 *   <li>this package: the words every layer shares — {@link dev.kvlens.model.ByteFigure} (a byte count and where it
 *       came from), MLC's "MB" ({@link dev.kvlens.model.Mib}), Python's float repr, the rule sets, modes, backends
 *       and devices;</li>
 *   <li>{@code architecture}, {@code layout}, {@code planner}: a model's geometry, its parameter tensors per
 *       scheme (rules §5), the compile-time temporary buffer (§4.3);</li>
 *   <li>{@code library}: a model as MLC compiles it — the description, the compile-time limits, the parameter
 *       bytes, the temporary buffer with its provenance;</li>
 *   <li>{@code engine}: the runtime estimator per mode (§3), the physical allocation, the input limits;</li>
 *   <li>{@code mlc}: what MLC prints and writes — compile reports, the log lines, a log read back, library
 *       metadata — and how an artifact of MLC's applies to a model;</li>
 *   <li>{@code scenario}: a scenario as the user chose it, saved scenarios, the {@code mlc_llm serve} commands;</li>
 *   <li>{@code explore}: the answers built on the estimator — verdicts, reverse solves, capacity maps, the
 *       waterfall, which schemes fit.</li>
 * </ul>
 */
package dev.kvlens.model;
