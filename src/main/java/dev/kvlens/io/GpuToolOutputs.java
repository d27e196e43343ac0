package dev.kvlens.io;

import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.text.Phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the answers of the vendor tools into devices (rules §3.2 says which figure MLC uses; these tools print
 * neighbours of it). Garbage in gives an empty list, never an exception.
 */
final class GpuToolOutputs {

    static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    /** The most devices read from one tool's answer. */
    static final int MAX_DEVICES = 64;
    /** Larger figures are not a GPU's memory (a garbled line, not a device). */
    private static final long MAX_BYTES = 1L << 50;

    private static final Pattern ROCM_VRAM = Pattern.compile(
            "GPU\\[(\\d{1,3})]\\s*:\\s*VRAM Total Memory \\(B\\):\\s*(\\d{1,19})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROCM_NAME = Pattern.compile(
            "GPU\\[(\\d{1,3})]\\s*:\\s*Card series:\\s*(\\S.*?)\\s*$", Pattern.CASE_INSENSITIVE);

    private GpuToolOutputs() {
    }

    /**
     * {@code nvidia-smi --query-gpu=name,memory.total,memory.reserved --format=csv,noheader,nounits} (or without
     * the reserved column on drivers that do not know it): one line per GPU, MiB. The figure is total − reserved,
     * which lands near CUDA's {@code totalGlobalMem} (RTX 4090: 24,564 MiB total vs 24,217.3125 MiB in CUDA).
     */
    static List<DetectedDevice> nvidiaSmi(String output, boolean withReserved) {
        List<DetectedDevice> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            String[] fields = line.split(",");
            int numbers = withReserved ? 2 : 1;
            if (fields.length < 1 + numbers || found.size() >= MAX_DEVICES) {
                continue;
            }
            String name = String.join(",", java.util.Arrays.copyOf(fields, fields.length - numbers)).strip();
            OptionalLong total = mib(fields[fields.length - numbers]);
            OptionalLong reserved = withReserved ? mib(fields[fields.length - 1]) : OptionalLong.empty();
            if (name.isEmpty() || total.isEmpty() || total.getAsLong() == 0) {
                continue;
            }
            long t = total.getAsLong();
            if (reserved.isPresent() && reserved.getAsLong() < t) {
                long r = reserved.getAsLong();
                found.add(device(name, Backend.CUDA, (t - r) * MIB, "nvidia-smi",
                        Phrase.of("io.gpu.nvidiaReserved.source", String.valueOf(t), String.valueOf(r)),
                        Phrase.of("io.gpu.nvidiaReserved.precision")));
            } else {
                found.add(device(name, Backend.CUDA, t * MIB, "nvidia-smi",
                        Phrase.of("io.gpu.nvidiaTotal.source", String.valueOf(t)),
                        Phrase.of("io.gpu.nvidiaTotal.precision")));
            }
        }
        return found;
    }

    /** {@code rocm-smi --showmeminfo vram} bytes per GPU, named from {@code rocm-smi --showproductname} if given. */
    static List<DetectedDevice> rocmSmi(String memInfo, String productNames) {
        Map<Integer, String> names = new TreeMap<>();
        for (String line : productNames.split("\\R")) {
            Matcher m = ROCM_NAME.matcher(line.strip());
            if (m.find()) {
                names.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        List<DetectedDevice> found = new ArrayList<>();
        for (String line : memInfo.split("\\R")) {
            Matcher m = ROCM_VRAM.matcher(line.strip());
            if (!m.find() || found.size() >= MAX_DEVICES) {
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            OptionalLong bytes = number(m.group(2));
            if (bytes.isEmpty() || bytes.getAsLong() == 0 || bytes.getAsLong() > MAX_BYTES) {
                continue;
            }
            found.add(device(names.getOrDefault(index, "AMD GPU " + index), Backend.ROCM, bytes.getAsLong(), "rocm-smi",
                    Phrase.of("io.gpu.rocm.source", String.valueOf(bytes.getAsLong())),
                    Phrase.of("io.gpu.rocm.precision")));
        }
        return found;
    }

    /**
     * A Mac: {@code sysctl -n hw.memsize} bytes of RAM → Metal's {@code recommendedMaxWorkingSetSize}, which public
     * llama.cpp logs show as 2/3 of RAM (one 16 KiB page up) on Macs with up to 32 GiB and 3/4 of RAM from 64 GiB.
     */
    static List<DetectedDevice> macMemory(String memsize, String brand) {
        OptionalLong ram = number(memsize.strip());
        if (ram.isEmpty() || ram.getAsLong() < GIB || ram.getAsLong() > MAX_BYTES) {
            return List.of();
        }
        long bytes = ram.getAsLong();
        long metal = bytes <= 32 * GIB ? (bytes * 2 / 3 / 16384 + 1) * 16384 : bytes / 4 * 3;
        String name = brand.strip().isEmpty() || brand.strip().length() > 100 ? "Apple GPU" : brand.strip();
        String share = bytes <= 32 * GIB ? "2/3" : "3/4";
        return List.of(device(name, Backend.METAL, metal, "sysctl",
                Phrase.of("io.gpu.mac.source", String.valueOf(bytes), share),
                Phrase.of("io.gpu.mac.precision")));
    }

    private static DetectedDevice device(String name, Backend backend, long bytes, String tool, Phrase source,
                                         Phrase precision) {
        return new DetectedDevice("detected", new Device(name, backend, bytes), tool, source, precision);
    }

    private static OptionalLong mib(String field) {
        OptionalLong value = number(field.strip());
        return value.isPresent() && value.getAsLong() <= MAX_BYTES / MIB ? value : OptionalLong.empty();
    }

    private static OptionalLong number(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
