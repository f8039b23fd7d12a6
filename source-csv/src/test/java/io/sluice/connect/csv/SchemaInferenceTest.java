package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connect.common.format.ByteSources;
import io.sluice.connect.common.format.CsvOptions;
import io.sluice.connect.common.format.FileFormat;
import io.sluice.connect.common.format.ReadPosition;
import io.sluice.connect.common.format.RecordReader;
import io.sluice.connect.common.format.RecordReaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.sluice.connect.csv.ColumnType.BOOLEAN;
import static io.sluice.connect.csv.ColumnType.FLOAT64;
import static io.sluice.connect.csv.ColumnType.INT64;
import static io.sluice.connect.csv.ColumnType.STRING;
import static io.sluice.connect.csv.ColumnType.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaInferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordReader reader(String content, FileFormat format, boolean header) throws Exception {
        CsvOptions options = new CsvOptions(',', '"', null, header, StandardCharsets.UTF_8);
        return RecordReaders.open(ByteSources.bytes(content.getBytes(StandardCharsets.UTF_8)), format, options,
                ReadPosition.START);
    }

    @Test
    void detectsTheNarrowestTypeOfAValue() {
        assertThat(ColumnType.detect("42")).isEqualTo(INT64);
        assertThat(ColumnType.detect(" -7 ")).isEqualTo(INT64);
        assertThat(ColumnType.detect("0")).isEqualTo(INT64);
        assertThat(ColumnType.detect("02134")).as("a leading zero keeps zip codes strings").isEqualTo(STRING);
        assertThat(ColumnType.detect("99999999999999999999")).as("beyond int64: a double would lose digits")
                .isEqualTo(STRING);
        assertThat(ColumnType.detect("3.25")).isEqualTo(FLOAT64);
        assertThat(ColumnType.detect("0.5")).isEqualTo(FLOAT64);
        assertThat(ColumnType.detect("-1.5e3")).isEqualTo(FLOAT64);
        assertThat(ColumnType.detect("1e")).isEqualTo(STRING);
        assertThat(ColumnType.detect("NaN")).isEqualTo(STRING);
        assertThat(ColumnType.detect("1.0f")).isEqualTo(STRING);
        assertThat(ColumnType.detect("TRUE")).isEqualTo(BOOLEAN);
        assertThat(ColumnType.detect("2024-05-01T10:15:30Z")).isEqualTo(TIMESTAMP);
        assertThat(ColumnType.detect("2024-05-01T10:15:30.123+02:00")).isEqualTo(TIMESTAMP);
        assertThat(ColumnType.detect("2024-05-01T10:15:30")).isEqualTo(TIMESTAMP);
        assertThat(ColumnType.detect("2024-05-01 10:15:30")).isEqualTo(TIMESTAMP);
        assertThat(ColumnType.detect("2024-05-01")).isEqualTo(STRING);
        assertThat(ColumnType.detect("2024-13-01 10:15:30")).isEqualTo(STRING);
        assertThat(ColumnType.detect("")).isNull();
        assertThat(ColumnType.detect("   ")).isNull();
    }

    @Test
    void widensMixedColumns() {
        assertThat(ColumnType.widen(null, INT64)).isEqualTo(INT64);
        assertThat(ColumnType.widen(INT64, null)).isEqualTo(INT64);
        assertThat(ColumnType.widen(INT64, FLOAT64)).isEqualTo(FLOAT64);
        assertThat(ColumnType.widen(FLOAT64, INT64)).isEqualTo(FLOAT64);
        assertThat(ColumnType.widen(INT64, BOOLEAN)).isEqualTo(STRING);
        assertThat(ColumnType.widen(TIMESTAMP, STRING)).isEqualTo(STRING);
    }

    @Test
    void infersCsvColumnsFromTheSampleOnlyWithSafeNames() throws Exception {
        String csv = "id,amount,paid,when,note,empty,1st col\n"
                + "1,2,true,2024-05-01T10:15:30Z,a,,x\n"
                + "2,2.5,false,2024-05-01 10:15:30,b,,y\n"
                + "3\n"
                + "four,x,x,x,x,x,x\n";
        try (RecordReader sample = reader(csv, FileFormat.CSV, true)) {
            List<ColumnSpec> columns = SchemaInference.csv(sample.header(), sample, 2, true);
            assertThat(columns).containsExactly(
                    new ColumnSpec("id", INT64, true),
                    new ColumnSpec("amount", FLOAT64, true),
                    new ColumnSpec("paid", BOOLEAN, true),
                    new ColumnSpec("when", TIMESTAMP, true),
                    new ColumnSpec("note", STRING, true),
                    new ColumnSpec("empty", STRING, true),
                    new ColumnSpec("_1st_col", STRING, true));
        }
    }

    @Test
    void namesColumnsByPositionWithoutAHeaderAndMakesThemStringsInStringMode() throws Exception {
        try (RecordReader sample = reader("1,x\n2,y\n", FileFormat.CSV, false)) {
            assertThat(SchemaInference.csv(null, sample, 10, false)).containsExactly(
                    new ColumnSpec("column_1", STRING, true), new ColumnSpec("column_2", STRING, true));
        }
    }

    @Test
    void infersJsonColumnsAsTheUnionOfKeysInFirstSeenOrder() throws Exception {
        String jsonl = "{\"id\":1,\"price\":2,\"at\":\"2024-05-01T10:15:30Z\",\"tags\":[1]}\n"
                + "{\"id\":2,\"price\":2.5,\"note\":null,\"first name\":\"x\"}\n"
                + "{\"id\":3,\"note\":\"n\",\"ok\":true}\n";
        try (RecordReader sample = reader(jsonl, FileFormat.JSONL, true)) {
            Map<String, ColumnSpec> columns = SchemaInference.json(sample, 100, true);
            assertThat(columns.keySet()).containsExactly("id", "price", "at", "tags", "note", "first name", "ok");
            assertThat(columns.values()).extracting(ColumnSpec::type)
                    .containsExactly(INT64, FLOAT64, TIMESTAMP, STRING, STRING, STRING, BOOLEAN);
            assertThat(columns.get("first name").name()).isEqualTo("first_name");
        }
    }

    @Test
    void detectsJsonValueTypes() throws Exception {
        assertThat(ColumnType.detect(JSON.readTree("12"))).isEqualTo(INT64);
        assertThat(ColumnType.detect(JSON.readTree("123456789012345678901234"))).isEqualTo(STRING);
        assertThat(ColumnType.detect(JSON.readTree("\"12\""))).as("JSON typed it as a string").isEqualTo(STRING);
        assertThat(ColumnType.detect(JSON.readTree("null"))).isNull();
        assertThat(ColumnType.detect(JSON.readTree("{\"a\":1}"))).isEqualTo(STRING);
    }

    @Test
    void makesHeaderNamesSafeAndUnique() {
        assertThat(ColumnNames.safeUnique(List.of("order id", "2nd", "", "order-id", "Ünit", "a", "a", "a_2")))
                .containsExactly("order_id", "_2nd", "column_3", "order_id_2", "_nit", "a", "a_2", "a_2_2");
    }
}
