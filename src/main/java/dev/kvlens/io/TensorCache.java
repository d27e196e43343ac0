package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

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
            throw new InputException(source, "records", "is missing or not a list");
        }
        long total = 0;
        int count = 0;
        for (int s = 0; s < shards.size(); s++) {
            JsonNode records = shards.get(s).path("records");
            if (!records.isArray()) {
                throw new InputException(source, "records[" + s + "].records", "is missing or not a list");
            }
            for (int r = 0; r < records.size(); r++) {
                if (++count > maxRecords) {
                    throw new InputException(source, "records", "has more than " + maxRecords + " parameters");
                }
                JsonNode nbytes = records.get(r).path("nbytes");
                if (!nbytes.isIntegralNumber() || !nbytes.canConvertToLong() || nbytes.asLong() < 0) {
                    throw new InputException(source, "records[" + s + "].records[" + r + "].nbytes",
                            "must be a whole number of bytes");
                }
                try {
                    total = Math.addExact(total, nbytes.asLong());
                } catch (ArithmeticException e) {
                    throw new InputException(source, "records", "sums to more bytes than KV Lens can count");
                }
            }
        }
        if (count == 0) {
            throw new InputException(source, "records", "lists no parameters");
        }
        return total;
    }
}
