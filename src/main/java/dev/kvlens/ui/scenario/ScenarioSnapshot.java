package dev.kvlens.ui.scenario;

import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Every input of an {@link EstimatorViewModel}, captured so that a failed import or apply can put the scenario
 * back exactly as it was (apply is all-or-nothing). Restoring sets the properties in the order their listeners
 * need: the model first (it resets measured figures and the prefill chunk), measured figures and the model
 * location last.
 */
public record ScenarioSnapshot(List<ModelDescription> models, ModelDescription model, Quantization quantization,
                        DeviceOption device, long customDeviceBytes, Backend customBackend, double utilization,
                        int tensorParallelShards, RuleSet rules, EngineMode mode, int batchSize, int contextLength,
                        int kvCapacity, int prefillChunk, boolean prefillIsRuntimeOverride, String modelLocation,
                        ByteFigure givenParams, ByteFigure givenTemp,
                        List<dev.kvlens.model.scenario.AdditionalModel> additionalModels) {

    public static ScenarioSnapshot of(EstimatorViewModel vm) {
        return new ScenarioSnapshot(List.copyOf(vm.models()), vm.modelProperty().get(), vm.quantizationProperty().get(),
                vm.deviceProperty().get(), vm.customDeviceBytesProperty().get(), vm.customBackendProperty().get(),
                vm.gpuMemoryUtilizationProperty().get(), vm.tensorParallelShardsProperty().get(), vm.rulesProperty().get(),
                vm.modeProperty().get(), vm.batchSizeProperty().get(), vm.contextLengthProperty().get(),
                vm.kvCapacityProperty().get(), vm.prefillChunkProperty().get(), vm.prefillIsRuntimeOverrideProperty().get(),
                vm.modelLocationProperty().get(), vm.givenParamsBytesProperty().get(), vm.givenTempFuncBytesProperty().get(),
                List.copyOf(vm.additionalModels()));
    }

    /** Puts every input back; models added since the snapshot are removed (only removals are signalled). */
    public void restore(EstimatorViewModel vm) {
        Set<ModelDescription> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(models);
        vm.models().removeIf(m -> !known.contains(m));
        vm.modelProperty().set(model);
        vm.quantizationProperty().set(quantization);
        vm.tensorParallelShardsProperty().set(tensorParallelShards);
        vm.customDeviceBytesProperty().set(customDeviceBytes);
        vm.customBackendProperty().set(customBackend);
        vm.deviceProperty().set(device);
        vm.gpuMemoryUtilizationProperty().set(utilization);
        vm.rulesProperty().set(rules);
        vm.modeProperty().set(mode);
        vm.batchSizeProperty().set(batchSize);
        vm.contextLengthProperty().set(contextLength);
        vm.kvCapacityProperty().set(kvCapacity);
        vm.prefillIsRuntimeOverrideProperty().set(prefillIsRuntimeOverride);
        vm.prefillChunkProperty().set(prefillChunk);
        vm.givenParamsBytesProperty().set(givenParams);
        vm.givenTempFuncBytesProperty().set(givenTemp);
        vm.modelLocationProperty().set(modelLocation);
        vm.additionalModels().setAll(additionalModels);
    }
}
