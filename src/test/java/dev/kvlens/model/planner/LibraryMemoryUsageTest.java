package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules §4.3.5 against real libraries: every function's {@code memory_usage} of every paged-era library of the nine
 * families in {@code shared/mlc-libs-dev/}, byte for byte, from the reconstructed config and the library's
 * compile-time limits alone. Expected values are the libraries' own metadata.
 */
class LibraryMemoryUsageTest {

    @Test
    void everyFunctionOfEveryLibraryMatches() {
        List<MlcLibraryCorpus.Library> libraries = MlcLibraryCorpus.pagedLibraries();
        int functions = 0;
        int matched = 0;
        int librariesMatched = 0;
        StringBuilder mismatches = new StringBuilder();
        for (MlcLibraryCorpus.Library library : libraries) {
            Map<String, Long> planned = TempBufferModel.functions(library.input()).orElseThrow();
            boolean all = planned.keySet().equals(library.memoryUsage().keySet());
            if (!all) {
                mismatches.append(library.file()).append(": functions ").append(new TreeMap<>(planned).keySet())
                        .append(" vs ").append(new TreeMap<>(library.memoryUsage()).keySet()).append('\n');
            }
            for (Map.Entry<String, Long> real : library.memoryUsage().entrySet()) {
                functions++;
                Long ours = planned.get(real.getKey());
                if (real.getValue().equals(ours)) {
                    matched++;
                } else {
                    all = false;
                    mismatches.append(library.file()).append(' ').append(real.getKey()).append(": MLC ")
                            .append(real.getValue()).append(", planner ").append(ours).append('\n');
                }
            }
            librariesMatched += all ? 1 : 0;
        }
        System.out.printf("planner: %d/%d libraries, %d/%d function values exact%n", librariesMatched,
                libraries.size(), matched, functions);
        assertEquals(76, libraries.size(), "paged libraries of the nine families in " + MlcLibraryCorpus.DIR);
        assertTrue(mismatches.isEmpty(), mismatches.toString());
    }
}
