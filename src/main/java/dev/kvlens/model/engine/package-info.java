/**
 * MLC-LLM's runtime estimator (rules §3): the engine settings and overrides, the KV-cache and RNN-state inference
 * per mode ({@link dev.kvlens.model.engine.Estimator} is the one entry point for the window and the CLI), what the
 * GPU really holds ({@link dev.kvlens.model.engine.PhysicalAllocation}) and the bounds every input is checked
 * against ({@link dev.kvlens.model.engine.InputLimits}). Depends on {@code library} and below.
 */
package dev.kvlens.model.engine;
