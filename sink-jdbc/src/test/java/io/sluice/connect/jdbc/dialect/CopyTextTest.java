package io.sluice.connect.jdbc.dialect;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTest {

    @Test
    void nullIsAnUnquotedEmptyFieldAndTextIsAlwaysQuoted() {
        String csv = CopyText.csv(List.of(
                new Object[] {1L, null, "", "say \"hi\", then\nleave"},
                new Object[] {new BigDecimal("1E+3"), true, new byte[] {0x0f, (byte) 0xa0},
                        Instant.parse("2026-01-02T03:04:05.678Z")},
                new Object[] {new JsonText("{\"a\":[1,2]}"), null, null, null}));
        assertThat(csv).isEqualTo("1,,\"\",\"say \"\"hi\"\", then\nleave\"\n"
                + "1000,true,\\x0fa0,2026-01-02T03:04:05.678Z\n"
                + "\"{\"\"a\"\":[1,2]}\",,,\n");
    }
}
