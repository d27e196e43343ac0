/**
 * A model as MLC compiles it (rules §1, §2, §4, §5): the description a preset, a chat config or a Hugging Face
 * config gives, the compile-time limits, the schemes {@code mlc_llm compile} accepts, the exact parameter bytes
 * of a layout, and the temporary buffer with honest provenance. Depends on the shared words of
 * {@code dev.kvlens.model} and on {@code architecture}, {@code layout} and {@code planner} only.
 */
package dev.kvlens.model.library;
