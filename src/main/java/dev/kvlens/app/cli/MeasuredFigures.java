package dev.kvlens.app.cli;

import dev.kvlens.model.ByteFigure;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/** The figures a user read off MLC and gives on the command line: parameter bytes and the temporary buffer. */
final class MeasuredFigures {

    private MeasuredFigures() {
    }

    /** {@code --params-bytes N} or {@code --params-mib X}. */
    static final class Params {
        @Option(names = "--params-bytes", paramLabel = "N", description = "Parameter bytes on one GPU (as MLC reports).")
        Long bytes;
        @Option(names = "--params-mib", paramLabel = "X", description = "Parameter size in MiB (MLC's \"MB\").")
        BigDecimal mib;

        ByteFigure figure() {
            return bytes != null
                    ? ByteFigure.given(Sizes.bytes("--params-bytes", bytes, false), "--params-bytes")
                    : ByteFigure.given(Sizes.mibToBytes("--params-mib", mib), "--params-mib " + mib.toPlainString());
        }
    }

    /** {@code --temp-bytes N} or {@code --temp-mib X}: before the runtime's ×2. */
    static final class Temp {
        @Option(names = "--temp-bytes", paramLabel = "N",
                description = "Compile-time max per-function temporary buffer in bytes, before the runtime x2.")
        Long bytes;
        @Option(names = "--temp-mib", paramLabel = "X", description = "The same in MiB (the compile log's \"Temporary buffer\").")
        BigDecimal mib;

        ByteFigure figure() {
            return bytes != null
                    ? ByteFigure.given(Sizes.bytes("--temp-bytes", bytes, true), "--temp-bytes")
                    : ByteFigure.given(Sizes.mibToBytes("--temp-mib", mib), "--temp-mib " + mib.toPlainString());
        }
    }
}
