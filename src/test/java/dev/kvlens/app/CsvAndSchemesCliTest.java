package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.io.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 items 4 and 8: the CLI's CSV read back as CSV (it once printed nothing), and
 * {@code estimate --all-quantizations} as a table, JSON and CSV. Expected values: rules §7 (RTX 4090).
 */
class CsvAndSchemesCliTest {

    /** The CLI's stdout as written (CliTest.run normalizes line ends, CSV keeps CRLF). */
    private static String rawOut(String... args) {
        CliTest.Run r = CliTest.runRaw(args);
        assertThat(r.code()).isZero();
        return r.out();
    }

    /** RFC 4180 as the CLI writes it: CRLF rows, a header, no quoted fields expected. */
    private static List<Map<String, String>> parseCsv(String text) {
        assertThat(text).endsWith("\r\n");
        String[] lines = text.split("\r\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            assertThat(fields).as(lines[i]).hasSize(header.length);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                assertThat(fields[c]).doesNotContain("\"");
                row.put(header[c], fields[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static String mib3(String sixDecimals) {
        return new BigDecimal(sixDecimals).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String mode, String quantity) {
        return rows.stream().filter(r -> r.get("mode").equals(mode) && r.get("quantity").equals(quantity))
                .findFirst().orElseThrow();
    }

    @Test
    void theEstimateCsvReadsBackWithMlcsNumbers() {
        List<Map<String, String>> rows = parseCsv(rawOut("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1",
                "--gpu", "rtx-4090", "--mode", "server", "--format", "csv"));
        assertThat(rows).hasSize(27); // three modes × nine quantities
        Map<String, String> total = find(rows, "server", "total");
        assertThat(total.get("selected")).isEqualTo("true");
        assertThat(total.get("max_total_sequence_length")).isEqualTo("105511"); // §7, 4090 server
        assertThat(mib3(total.get("mib"))).isEqualTo("20584.698"); // §7: 20584.698 MiB
        // total = params + temp + kv_aux + model_ws + logit_ws + kv_pages, all read back from the CSV
        BigDecimal sum = BigDecimal.ZERO;
        for (String q : List.of("parameters", "temp_buffer", "kv_aux", "model_workspace", "logit_workspace", "kv_pages")) {
            sum = sum.add(new BigDecimal(find(rows, "server", q).get("bytes")));
        }
        assertThat(new BigDecimal(total.get("bytes"))).isEqualByComparingTo(sum);
        assertThat(new BigDecimal(find(rows, "server", "parameters").get("bytes"))).isEqualByComparingTo("4517404672");
        assertThat(mib3(find(rows, "local", "kv_cache").get("mib"))).isEqualTo("1234.073"); // §7
    }

    @Test
    void allQuantizationsListsEverySchemeWithExactParameters() {
        CliTest.Run r = CliTest.run("estimate", "--preset", "llama-3-8b", "--gpu", "rtx-4090", "--mode", "server",
                "--all-quantizations");
        assertThat(r.code()).as(r.err()).isZero();
        String q4 = r.outLines().stream().filter(l -> l.startsWith("q4f16_1 ")).findFirst().orElseThrow();
        // §7: 4308.133 MiB parameters (exact), 1248.000 MiB §4.2 temp (estimated), T 8192 / 8192 / 105,511
        assertThat(q4.split("\\s+")).startsWith("q4f16_1", "4308.133", "exact", "1248.000", "estimated", "8192", "8192",
                "105511", "fits,");
        assertThat(r.out()).contains("q0f16 ").contains("parameters are exact");

        CliTest.Run json = CliTest.run("estimate", "--preset", "llama-3-8b", "--gpu", "rtx-4090", "--mode", "server",
                "--all-quantizations", "--format", "json");
        JsonNode rows = Json.parse("stdout", json.out());
        JsonNode q0 = null;
        for (JsonNode row : rows) {
            if (row.path("scheme").asText().equals("q0f16")) {
                q0 = row;
            }
        }
        assertThat(q0).isNotNull();
        assertThat(q0.path("parameters").path("bytes").asLong()).isEqualTo(16_060_522_496L);
        assertThat(q0.path("parameters").path("exact").asBoolean()).isTrue();
        // server: (21,584,639,376.63 − 19,298,068,568) / 131,073.25 = 17,444.98 → 17,444
        assertThat(q0.path("modes").path("server").path("maxTotalSequenceLength").asLong()).isEqualTo(17_444);
        assertThat(q0.path("modes").path("server").path("selected").asBoolean()).isTrue();
        // local physical 20,896,570,520 B, written as a plain integer, not 2.089657052E10
        assertThat(json.out()).contains("\"physicalBytes\" : 20896570520");

        List<Map<String, String>> csvRows = parseCsv(rawOut("estimate", "--preset", "llama-3-8b", "--gpu", "rtx-4090",
                "--all-quantizations", "--format", "csv"));
        Map<String, String> q0local = csvRows.stream().filter(m -> m.get("scheme").equals("q0f16")
                && m.get("mode").equals("local")).findFirst().orElseThrow();
        assertThat(q0local.get("selected")).isEqualTo("true");
        assertThat(q0local.get("status")).isEqualTo("fits");
        // physical 19,040,591,000 + 513 pages × 32 × 65,536 + 792 MiB = 20,896,570,520 B
        assertThat(new BigDecimal(q0local.get("physical_bytes"))).isEqualByComparingTo("20896570520");
        assertThat(csvRows.size() % 3).isZero();
    }
}
