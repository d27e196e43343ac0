package dev.kvlens.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** MLC's number printing: half-even on the exact binary value (rules §0) and Python's float repr. */
class NumberFormatTest {

    @ParameterizedTest(name = "{0} B with {1} decimals → {2}")
    @CsvSource({
        // 0.125 MiB is exact in binary: a tie, rounded to even as Python/glibc do ("0.12", not "0.13")
        "131072,     2, 0.12",
        // 0.375 → 0.38 (tie to even upward)
        "393216,     2, 0.38",
        // 1.0005 as a double is just below the tie: Python prints "1.000" (String.format would say "1.001")
        "1049100.288, 3, 1.000",
        "1049100.5,   3, 1.001",
        "4517404672, 3, 4308.133",
        "0,          3, 0.000"})
    void mibRoundsTheExactBinaryValueHalfEven(double bytes, int decimals, String expected) {
        assertThat(Mib.format(bytes, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "4517404672.0,    4517404672.0",
        "3650722201.6,    3650722201.6",
        "0.1,             0.1",
        "0.0001,          0.0001",
        "0.00001,         1e-05",
        "1e16,            1e+16",
        "123456789012345678, 1.2345678901234568e+17",
        "-2.5,            -2.5",
        "1.5e-7,          1.5e-07"})
    void pythonReprOfFloats(double value, String expected) {
        assertThat(PythonFloat.repr(value)).isEqualTo(expected);
    }
}
