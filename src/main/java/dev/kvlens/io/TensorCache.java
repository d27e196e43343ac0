package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.text.Phrase;

/**
 * The tensor cache of an MLC weights folder ({@code tensor-cache.json}, formerly {@code ndarray-cache.json}): shards
 * ({@code records[]}, each with a {@code dataPath} that may carry a query such as {@code ?partitions=4}) holding
 * parameter records with {@code name}, {@code shape}, {@code dtype} and {@code nbytes}. The sum of the parameter
 * records' {@code nbytes} is MLC's parameter bytes (rules §1.1); the {@code metadata.ParamBytes} float it also writes
 * is not used.
 */
final class TensorCache {

    private TensorCache() {
    }

    /**
     * Σ nbytes over every parameter record.
     *
     * @throws InputException naming the file and the record at fault
     */
    static long parameterBytes(String source, JsonNode root, int maxRecords) {
        JsonNode shards = root.path("records");
        if (!shards.isArray()) {
            throw new InputException(source, "records", Phrase.of("io.field.missingOrNotList"));
        }
        long total = 0;
        int count = 0;
        for (int s = 0; s < shards.size(); s++) {
            JsonNode records = shards.get(s).path("records");
            if (!records.isArray()) {
                throw new InputException(source, "records[" + s + "].records", Phrase.of("io.field.missingOrNotList"));
            }
            for (int r = 0; r < records.size(); r++) {
                if (++count > maxRecords) {
                    throw new InputException(source, "records", Phrase.of("io.tensorCache.tooMany", String.valueOf(maxRecords)));
                }
                JsonNode nbytes = records.get(r).path("nbytes");
                if (!nbytes.isIntegralNumber() || !nbytes.canConvertToLong() || nbytes.asLong() < 0) {
                    throw new InputException(source, "records[" + s + "].records[" + r + "].nbytes",
                            Phrase.of("io.field.notByteCount"));
                }
                try {
                    total = Math.addExact(total, nbytes.asLong());
                } catch (ArithmeticException e) {
                    throw new InputException(source, "records", Phrase.of("io.tensorCache.overflow"));
                }
            }
        }
        if (count == 0) {
            throw new InputException(source, "records", Phrase.of("io.tensorCache.empty"));
        }
        return total;
    }
}
