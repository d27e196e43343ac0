package dev.kvlens.app;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `kvlens` on configs of the newer registry types: bytes without --params-bytes, MLC's refusals as exit 2. */
class CliRegistryTypesTest {

    static String config(String type) {
        try {
            return Path.of(CliRegistryTypesTest.class.getResource("/hf-configs/" + type + ".json").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void moeConfigGetsItsParametersWithoutParamsBytes() {
        CliTest.Run r = CliTest.run("compile-report", "--hf-config", config("qwen3_moe"), "--quantization", "q4f16_1");
        assertThat(r.code()).as(r.err()).isZero();
        // 17,192,710,144 B (RegistryTypesTest's hand arithmetic) = 16396.25 MiB; per token 128·48·4·2·2 = 98,304 B
        assertThat(r.out()).contains("Parameters: 16396.25 MB").contains("KV cache size: 0.09 MB per token");
    }

    @Test
    void aSchemeTheTypeLacksIsExit2WithMlcsReason() {
        CliTest.Run r = CliTest.run("estimate", "--hf-config", config("qwen3_moe"), "--quantization", "q4f16_autoawq",
                "--gpu-memory-mib", "81089");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("KeyError: 'awq'").doesNotContain("Exception");
    }
}
