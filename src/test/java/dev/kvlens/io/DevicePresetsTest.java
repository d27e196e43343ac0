package dev.kvlens.io;

import dev.kvlens.model.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The device presets: enough of them, each with a source, and "exact" only where a log prints the bytes. */
class DevicePresetsTest {

    private final PresetCatalog catalog = PresetCatalog.load();

    @Test
    void atLeastThirtyDevicesWithUniqueIdsAndSources() {
        List<PresetCatalog.DevicePreset> devices = catalog.devices();
        assertThat(devices).hasSizeGreaterThanOrEqualTo(30);
        Set<String> ids = new HashSet<>();
        assertThat(devices).allSatisfy(d -> {
            assertThat(ids.add(d.id())).as("duplicate id " + d.id()).isTrue();
            assertThat(d.source()).isNotBlank();
            assertThat(d.precision()).isNotBlank();
        });
        assertThat(catalog.device("auto")).as("'auto' is --gpu auto, not a preset").isEmpty();
    }

    @Test
    void anExactPresetNamesTheBytesItWasPrintedWith() {
        assertThat(catalog.devices().stream().filter(PresetCatalog.DevicePreset::exact)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.source() + d.precision())
                        .as(d.id()).contains(Long.toString(d.device().totalGlobalMemoryBytes())));
        assertThat(catalog.devices().stream().filter(d -> d.precision().startsWith("nominal")))
                .allSatisfy(d -> assertThat(d.exact()).as(d.id()).isFalse());
    }

    @Test
    void theLineUpCoversWhatMlcUsersDeploy() {
        List<String> names = catalog.devices().stream().map(d -> d.device().name()).toList();
        for (String expected : List.of("RTX 5090", "RTX 4090", "RTX 3090", "L4", "L40S", "A10G", "A100", "H100", "H200",
                "B200", "MI250", "MI300X", "RX 7900 XTX", "Orin", "Apple")) {
            assertThat(names).as(expected).anySatisfy(n -> assertThat(n).contains(expected));
        }
        assertThat(catalog.devices()).extracting(d -> d.device().backend())
                .contains(Backend.CUDA, Backend.ROCM, Backend.METAL, Backend.VULKAN, Backend.OPENCL);
    }

    /** The Mac presets (figures llama.cpp printed) and the detector's Metal rule agree for every RAM size logged. */
    @ParameterizedTest
    @CsvSource({"apple-16gb, 16", "apple-24gb, 24", "apple-32gb, 32", "apple-64gb, 64", "apple-128gb, 128",
            "apple-192gb, 192"})
    void theMetalRuleReproducesTheLoggedFigures(String id, long ramGib) {
        long preset = catalog.device(id).orElseThrow().device().totalGlobalMemoryBytes();
        long rule = GpuToolOutputs.macMemory(Long.toString(ramGib << 30), "Apple").get(0).device()
                .totalGlobalMemoryBytes();
        assertThat(rule).isEqualTo(preset);
    }
}
