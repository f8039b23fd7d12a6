package io.sluice.connect.common.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {

    @Test
    void defaultsAreCommaDoubleQuoteHeaderUtf8() {
        assertThat(CsvOptions.defaults()).isEqualTo(new CsvOptions(',', '"', null, true, StandardCharsets.UTF_8));
    }

    @Test
    void supportsAsciiCompatibleCharsetsOnly() {
        for (String name : new String[] {"UTF-8", "US-ASCII", "ISO-8859-1", "ISO-8859-15", "windows-1252", "KOI8-R"}) {
            assertThat(CsvOptions.supports(Charset.forName(name))).as(name).isTrue();
        }
        for (String name : new String[] {"UTF-16", "UTF-16LE", "UTF-32", "Shift_JIS", "GBK", "IBM037"}) {
            assertThat(CsvOptions.supports(Charset.forName(name))).as(name).isFalse();
        }
    }

    @Test
    void rejectsUnusableSettings() {
        assertThatThrownBy(() -> new CsvOptions(',', ',', null, true, StandardCharsets.UTF_8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter and quote must differ");
        assertThatThrownBy(() -> new CsvOptions('\n', '"', null, true, StandardCharsets.UTF_8))
                .hasMessageContaining("delimiter must be a single ASCII character");
        assertThatThrownBy(() -> new CsvOptions('§', '"', null, true, StandardCharsets.UTF_8))
                .hasMessageContaining("U+00A7");
        assertThatThrownBy(() -> new CsvOptions(',', '"', ',', true, StandardCharsets.UTF_8))
                .hasMessageContaining("escape and delimiter must differ");
        assertThatThrownBy(() -> new CsvOptions(',', '"', null, true, StandardCharsets.UTF_16))
                .hasMessageContaining("UTF-16 is not supported");
    }
}
