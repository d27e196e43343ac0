/**
 * A scenario as the user chose it ({@link dev.kvlens.model.scenario.ScenarioSpec}), what a scenario file keeps,
 * the additional (draft) models, the artifacts a user opens, and the {@code mlc_llm serve} / {@code compile}
 * commands that reproduce a scenario. Depends on {@code mlc} and below.
 */
package dev.kvlens.model.scenario;
