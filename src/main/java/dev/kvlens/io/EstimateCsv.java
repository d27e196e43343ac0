package dev.kvlens.io;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.ModeEstimate;

import java.math.BigDecimal;
import java.util.function.ToDoubleFunction;

/**
 * The breakdown as CSV (RFC 4180, comma-separated, one header line): one row per mode and quantity with the
 * exact bytes and MiB, for spreadsheets and reports.
 */
public final class EstimateCsv {

    private static final String HEADER = "rules,mode,selected,fits,max_num_sequence,max_total_sequence_length,"
            + "prefill_chunk_size,quantity,bytes,mib";

    private EstimateCsv() {
    }

    public static String write(Estimate estimate) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ModeEstimate m : estimate.modes()) {
            row(csv, estimate, m, "parameters", ModeEstimate::paramsBytes);
            row(csv, estimate, m, "temp_buffer", x -> x.tempBufferBytes());
            row(csv, estimate, m, "kv_aux", ModeEstimate::kvAuxBytes);
            row(csv, estimate, m, "model_workspace", ModeEstimate::modelWorkspaceBytes);
            row(csv, estimate, m, "logit_workspace", ModeEstimate::logitWorkspaceBytes);
            row(csv, estimate, m, "kv_pages", ModeEstimate::kvPagesBytes);
            row(csv, estimate, m, "kv_cache", ModeEstimate::kvCacheBytes);
            row(csv, estimate, m, "temporary", ModeEstimate::temporaryBytes);
            row(csv, estimate, m, "total", ModeEstimate::totalBytes);
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Estimate e, ModeEstimate m, String quantity,
                            ToDoubleFunction<ModeEstimate> bytes) {
        double value = bytes.applyAsDouble(m);
        csv.append(e.rules().id()).append(',')
                .append(m.mode().mlcName()).append(',')
                .append(m.mode() == e.selectedMode()).append(',')
                .append(m.fits()).append(',')
                .append(m.maxNumSequence()).append(',')
                .append(m.maxTotalSequenceLength()).append(',')
                .append(m.prefillChunkSize()).append(',')
                .append(quantity).append(',')
                .append(plain(value)).append(',')
                .append(Mib.format(value, 6))
                .append("\r\n");
    }

    private static String plain(double value) {
        BigDecimal exact = new BigDecimal(value);
        return (exact.scale() > 0 ? exact.stripTrailingZeros() : exact).toPlainString();
    }
}
