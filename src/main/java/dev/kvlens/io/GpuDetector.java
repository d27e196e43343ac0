package dev.kvlens.io;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the GPUs of this machine with the vendors' own tools, when they are installed: {@code nvidia-smi},
 * {@code rocm-smi}, and on macOS {@code sysctl}. None is required: a tool that is absent, fails, prints garbage or
 * takes longer than the time box gives no device, silently. Blocking: call it off the FX thread.
 *
 * <p>The figures are near, not equal to, what MLC reads from the driver (rules §3.2), so each says how it was
 * derived; see {@link GpuToolOutputs}.
 */
public final class GpuDetector {

    /** The whole detection's time box (all tools together). */
    public static final Duration DEFAULT_TIME_BOX = Duration.ofSeconds(2);

    private static final String NVIDIA_WITH_RESERVED = "--query-gpu=name,memory.total,memory.reserved";
    private static final String NVIDIA_TOTAL_ONLY = "--query-gpu=name,memory.total";
    private static final String CSV = "--format=csv,noheader,nounits";

    private final Map<String, String> environment;
    private final String osName;
    private final Duration timeBox;

    /**
     * @param environment the environment the tools run with; its PATH is where they are looked for
     * @param osName      the {@code os.name} to behave as (macOS runs {@code sysctl}; Windows looks for .exe)
     * @param timeBox     how long all tools together may take
     */
    public GpuDetector(Map<String, String> environment, String osName, Duration timeBox) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
        this.timeBox = timeBox;
    }

    /** This machine: the process environment and OS, the default time box. */
    public static GpuDetector forThisMachine() {
        String os = System.getProperty("os.name", "");
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (os.toLowerCase(Locale.ROOT).startsWith("mac")) {
            // an app started from the Finder gets a short PATH; sysctl lives in /usr/sbin
            env.merge("PATH", "/usr/sbin", (path, sbin) -> path.isEmpty() ? sbin : path + java.io.File.pathSeparator + sbin);
        }
        return new GpuDetector(env, os, DEFAULT_TIME_BOX);
    }

    /** The devices found, NVIDIA first, then AMD, then a Mac's GPU; empty when none is found. */
    public List<DetectedDevice> detect() {
        String os = osName.toLowerCase(Locale.ROOT);
        ToolRunner tools = new ToolRunner(environment, os.startsWith("windows"), timeBox.toNanos());
        List<DetectedDevice> found = new ArrayList<>(nvidia(tools));
        found.addAll(amd(tools));
        if (os.startsWith("mac")) {
            found.addAll(mac(tools));
        }
        List<DetectedDevice> numbered = new ArrayList<>();
        for (DetectedDevice device : found) {
            numbered.add(device.withId("detected-" + numbered.size()));
        }
        return List.copyOf(numbered);
    }

    private static List<DetectedDevice> nvidia(ToolRunner tools) {
        if (tools.find("nvidia-smi").isEmpty()) {
            return List.of();
        }
        Optional<String> withReserved = tools.run("nvidia-smi", NVIDIA_WITH_RESERVED, CSV);
        if (withReserved.isPresent()) {
            return GpuToolOutputs.nvidiaSmi(withReserved.get(), true);
        }
        // Drivers older than memory.reserved refuse the whole query ("not a valid field"): ask for the total only.
        return tools.run("nvidia-smi", NVIDIA_TOTAL_ONLY, CSV)
                .map(out -> GpuToolOutputs.nvidiaSmi(out, false)).orElse(List.of());
    }

    private static List<DetectedDevice> amd(ToolRunner tools) {
        if (tools.find("rocm-smi").isEmpty()) {
            return List.of();
        }
        return tools.run("rocm-smi", "--showmeminfo", "vram")
                .map(mem -> GpuToolOutputs.rocmSmi(mem, tools.run("rocm-smi", "--showproductname").orElse("")))
                .orElse(List.of());
    }

    private static List<DetectedDevice> mac(ToolRunner tools) {
        return tools.run("sysctl", "-n", "hw.memsize")
                .map(mem -> GpuToolOutputs.macMemory(mem,
                        tools.run("sysctl", "-n", "machdep.cpu.brand_string").orElse("")))
                .orElse(List.of());
    }
}
