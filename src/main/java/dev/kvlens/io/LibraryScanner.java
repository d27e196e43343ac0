package dev.kvlens.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, in the bytes of a compiled MLC library fed to it chunk by chunk, the {@code _metadata} JSON that TVM stores
 * as a plain string constant (rules §2.1, §4.2: the object that starts at {@code {"model_type"}, braces balanced
 * outside JSON strings), and the device-module keys TVM serializes for the code it imports (a little-endian 64-bit
 * length followed by {@code cuda}, {@code opencl}, {@code metal}, {@code vulkan}, {@code hip} or {@code webgpu}).
 *
 * <p>Nothing is executed or loaded; memory stays bounded whatever the input: at most {@link #MAX_ACTIVE} objects are
 * followed at once, each up to {@link #MAX_OBJECT_BYTES}, and at most {@link #MAX_CANDIDATES} complete ones are kept.
 * Several objects can be in progress at once so that a stray {@code {"model_type"} in front of the real one cannot hide it.
 */
final class LibraryScanner {

    /** The largest metadata object followed (a 70B MoE model's params list is well under 1 MiB). */
    static final int MAX_OBJECT_BYTES = 16 * 1024 * 1024;
    /** Objects followed at once. */
    static final int MAX_ACTIVE = 4;
    /** Complete objects kept. */
    static final int MAX_CANDIDATES = 8;
    /** Bytes held by all objects in progress together. */
    static final long MAX_ACTIVE_BYTES = 24L * 1024 * 1024;

    private static final byte[] MARKER = "{\"model_type\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Set<String> DEVICE_KEYS = Set.of("cuda", "opencl", "metal", "vulkan", "hip", "webgpu");
    private static final int MAX_KEY = 6;

    private int markerMatched;
    private final List<Capture> active = new ArrayList<>(MAX_ACTIVE + 1);
    private final List<byte[]> candidates = new ArrayList<>();
    private final Set<String> deviceKeys = new LinkedHashSet<>();
    private long activeBytes;
    private boolean truncatedCandidate;

    // device key matcher: phase 0 = waiting for a length byte, 1 = counting the 7 zero bytes, 2 = reading the key
    private int keyPhase;
    private int keyLength;
    private int keyZeros;
    private final byte[] key = new byte[MAX_KEY];
    private int keyRead;

    /** Feeds the next {@code length} bytes of the file. */
    void feed(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            // the common byte is none of '{', a key length or part of a match: three comparisons (the app runs on C1)
            if (!active.isEmpty()) {
                follow(b);
            }
            if (markerMatched != 0 || b == '{') {
                matchMarker(b);
            }
            if (keyPhase != 0 || (b >= 3 && b <= MAX_KEY)) {
                matchDeviceKey(b);
            }
        }
    }

    /** Complete JSON objects that start with the marker, in file order. */
    List<byte[]> candidates() {
        return List.copyOf(candidates);
    }

    /** The first device key seen, or empty. */
    java.util.Optional<String> firstDeviceKey() {
        return deviceKeys.stream().findFirst();
    }

    /** Whether an object was abandoned for its size or because too many were in progress. */
    boolean truncatedCandidate() {
        return truncatedCandidate;
    }

    /** Whether enough was found to stop reading: a candidate and a device key. */
    boolean satisfied() {
        return !candidates.isEmpty() && !deviceKeys.isEmpty();
    }

    private void matchMarker(byte b) {
        if (b == MARKER[markerMatched]) {
            markerMatched++;
            if (markerMatched == MARKER.length) {
                markerMatched = 0;
                start();
            }
        } else {
            // '{' occurs only at the marker's start, so a mismatch restarts the match at this byte or before it
            markerMatched = b == MARKER[0] ? 1 : 0;
        }
    }

    private void start() {
        if (candidates.size() >= MAX_CANDIDATES) {
            return;
        }
        if (active.size() >= MAX_ACTIVE) {
            drop(active.remove(0));
        }
        Capture capture = new Capture();
        // the marker's bytes: '{' opens the object, then "model_type" is a complete string
        capture.append(MARKER);
        capture.depth = 1;
        active.add(capture);
        activeBytes += MARKER.length;
    }

    private void follow(byte b) {
        for (int i = active.size() - 1; i >= 0; i--) {
            Capture c = active.get(i);
            c.append(b);
            activeBytes++;
            if (c.accept(b)) {
                active.remove(i);
                activeBytes -= c.size;
                candidates.add(java.util.Arrays.copyOf(c.bytes, c.size));
            } else if (c.size > MAX_OBJECT_BYTES || b == 0) {
                // a NUL byte ends every C string constant: the object is not complete there
                active.remove(i);
                drop(c);
            }
        }
        while (activeBytes > MAX_ACTIVE_BYTES && !active.isEmpty()) {
            drop(active.remove(0));
        }
    }

    private void drop(Capture c) {
        activeBytes -= c.size;
        truncatedCandidate = true;
    }

    private void matchDeviceKey(byte b) {
        switch (keyPhase) {
            case 0 -> beginKey(b);
            case 1 -> {
                if (b == 0) {
                    if (++keyZeros == 7) {
                        keyPhase = 2;
                        keyRead = 0;
                    }
                } else {
                    beginKey(b);
                }
            }
            default -> {
                if (b >= 'a' && b <= 'z') {
                    key[keyRead++] = b;
                    if (keyRead == keyLength) {
                        String name = new String(key, 0, keyLength, java.nio.charset.StandardCharsets.US_ASCII);
                        if (DEVICE_KEYS.contains(name)) {
                            deviceKeys.add(name);
                        }
                        keyPhase = 0;
                    }
                } else {
                    beginKey(b);
                }
            }
        }
    }

    private void beginKey(byte b) {
        if (b >= 3 && b <= MAX_KEY) {
            keyPhase = 1;
            keyLength = b;
            keyZeros = 0;
        } else {
            keyPhase = 0;
        }
    }

    /** One object in progress: JSON brace depth outside strings. */
    private static final class Capture {
        byte[] bytes = new byte[8 * 1024];
        int size;
        int depth;
        boolean inString;
        boolean escaped;

        void append(byte b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        void append(byte[] more) {
            for (byte b : more) {
                append(b);
            }
        }

        /** Takes one byte after the marker; true when the object is complete. */
        boolean accept(byte b) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
                return false;
            }
            if (b == '"') {
                inString = true;
            } else if (b == '{') {
                depth++;
            } else if (b == '}') {
                depth--;
                return depth == 0;
            }
            return false;
        }
    }
}
