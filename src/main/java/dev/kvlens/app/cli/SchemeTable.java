package dev.kvlens.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.Json;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.Mib;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.model.explore.SchemeFit;
import dev.kvlens.text.Phrases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code kvlens estimate --all-quantizations}: the {@link SchemeFit} rows as a table, JSON or CSV. */
final class SchemeTable {

    static final String PROVENANCE_NOTE = "parameters are exact (each scheme's byte layout, rules §5); a temporary "
            + "buffer marked 'estimated' comes from the §4.2 heuristic or an unvalidated planner, and that row's KV "
            + "capacities and verdict rest on it";

    private static final String ROW = "%-{w}s %14s %-9s %15s %-9s %7s %13s %8s  %s%n";

    private SchemeTable() {
    }

    static String text(List<SchemeFit> rows, String title, EngineMode mode) {
        StringBuilder out = new StringBuilder(title).append('\n');
        int width = rows.stream().mapToInt(r -> r.scheme().name().length()).max().orElse(6);
        String row = ROW.replace("{w}", String.valueOf(Math.max(6, width)));
        out.append(String.format(Locale.ROOT, row, "scheme", "parameters MiB", "", "temp buffer MiB", "",
                "T local", "T interactive", "T server", "verdict (" + mode.mlcName() + ")"));
        for (SchemeFit r : rows) {
            out.append(String.format(Locale.ROOT, row, r.scheme().name(), Mib.format(r.parameters().bytes(), 3),
                    exactness(r.parameters()), Mib.format(r.tempFunction().bytes(), 3), exactness(r.tempFunction()),
                    tokens(r, EngineMode.LOCAL), tokens(r, EngineMode.INTERACTIVE), tokens(r, EngineMode.SERVER),
                    Phrases.format(Locale.ENGLISH, r.selectedVerdict().shortPhrase())));
        }
        return out.append(PROVENANCE_NOTE).append('\n').toString();
    }

    static String json(List<SchemeFit> rows) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (SchemeFit r : rows) {
            ObjectNode row = array.addObject();
            row.put("scheme", r.scheme().name());
            figure(row.putObject("parameters"), r.parameters());
            figure(row.putObject("tempFunction"), r.tempFunction());
            ObjectNode modes = row.putObject("modes");
            for (ModeVerdict v : r.verdicts()) {
                ObjectNode m = modes.putObject(v.mode().mlcName());
                m.put("maxTotalSequenceLength", v.maxTotalSequenceLength());
                m.put("status", v.status().name().toLowerCase(Locale.ROOT));
                m.put("estimatedBytes", exact(v.estimatedBytes()));
                if (v.physicalBytes().isPresent()) {
                    m.put("physicalBytes", exact(v.physicalBytes().getAsDouble()));
                } else {
                    m.putNull("physicalBytes");
                }
                m.put("leftBytes", exact(v.leftBytes()));
                m.put("selected", v.selected());
                m.put("text", Phrases.format(Locale.ENGLISH, v.phrase()));
            }
        }
        try {
            return Json.mapper().writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row per scheme and mode (RFC 4180; no field needs quoting: scheme and mode names are plain words). */
    static String csv(List<SchemeFit> rows) {
        StringBuilder csv = new StringBuilder("scheme,parameters_bytes,parameters_exact,temp_function_bytes,temp_exact,"
                + "mode,selected,max_total_sequence_length,status,estimated_bytes,physical_bytes,left_bytes\r\n");
        for (SchemeFit r : rows) {
            for (ModeVerdict v : r.verdicts()) {
                csv.append(r.scheme().name()).append(',').append(r.parameters().bytes()).append(',')
                        .append(r.parameters().provenance().exact()).append(',').append(r.tempFunction().bytes())
                        .append(',').append(r.tempFunction().provenance().exact()).append(',')
                        .append(v.mode().mlcName()).append(',').append(v.selected()).append(',')
                        .append(v.maxTotalSequenceLength()).append(',')
                        .append(v.status().name().toLowerCase(Locale.ROOT)).append(',')
                        .append(plain(v.estimatedBytes())).append(',')
                        .append(v.physicalBytes().isPresent() ? plain(v.physicalBytes().getAsDouble()) : "").append(',')
                        .append(plain(v.leftBytes())).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String tokens(SchemeFit r, EngineMode mode) {
        Optional<Long> t = r.maxTotalSequenceLength(mode);
        return t.map(String::valueOf).orElse("-");
    }

    private static String exactness(ByteFigure figure) {
        return figure.provenance().exact() ? "exact" : "estimated";
    }

    private static void figure(ObjectNode node, ByteFigure figure) {
        node.put("bytes", figure.bytes());
        node.put("exact", figure.provenance().exact());
        node.put("detail", figure.detail());
    }

    /** A byte double as its exact decimal (MLC's byte doubles are multiples of 1/8), never in exponent notation. */
    private static java.math.BigDecimal exact(double value) {
        java.math.BigDecimal exact = new java.math.BigDecimal(value);
        return exact.scale() > 0 ? exact.stripTrailingZeros() : exact;
    }

    private static String plain(double value) {
        return exact(value).toPlainString();
    }
}
