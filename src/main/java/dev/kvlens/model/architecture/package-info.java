/**
 * What a model is, as MLC's model files read it: the geometry of a config ({@code ModelGeometry} with its
 * {@code ArchitectureDetails}: experts, MLA, GatedDeltaNet, vision tower, draft heads), the registry type and family
 * (rules §10), the KV kind and the KV-cache metadata (§2.1), the quantization schemes (§5) and the weight tensors a
 * layout lists. The layouts ({@code model.layout}), the estimator ({@code model}) and the planner's adapter read these
 * records; the records read nothing of theirs (ArchitectureTest keeps the model's packages free of cycles).
 */
package dev.kvlens.model.architecture;
