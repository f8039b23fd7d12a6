package io.sluice.connect.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.connect.common.format.ByteSources;
import io.sluice.connect.common.format.CsvOptions;
import io.sluice.connect.common.format.FileFormat;
import io.sluice.connect.common.format.ReadPosition;
import io.sluice.connect.common.format.RecordReader;
import io.sluice.connect.common.format.RecordReaders;
import io.sluice.connect.common.format.TextRecord;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RowConverterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("id", ColumnType.INT64, false),
            new ColumnSpec("amount", ColumnType.FLOAT64, true),
            new ColumnSpec("ok", ColumnType.BOOLEAN, true),
            new ColumnSpec("at", ColumnType.TIMESTAMP, true),
            new ColumnSpec("note", ColumnType.STRING, true));

    private static TextRecord csv(String... fields) {
        return TextRecord.ofFields(2, 1, 0, 10, String.join(",", fields), List.of(fields));
    }

    private static TextRecord json(String text) throws Exception {
        return TextRecord.ofJson(2, 1, 0, 10, text, JSON.readTree(text));
    }

    private final StructRowConverter csvConverter =
            StructRowConverter.forCsv("t.Row", COLUMNS, new int[] {0, 1, 2, 3, 4}, 5);

    @Test
    void convertsCsvFieldsToTypedStructs() throws Exception {
        Struct row = (Struct) csvConverter.convert(csv("7", " 1.5 ", "TRUE", "2024-05-01 10:15:30", " keep "));
        assertThat(row.getInt64("id")).isEqualTo(7L);
        assertThat(row.getFloat64("amount")).isEqualTo(1.5);
        assertThat(row.getBoolean("ok")).isTrue();
        assertThat(row.get("at")).isEqualTo(Date.from(Instant.parse("2024-05-01T10:15:30Z")));
        assertThat(row.getString("note")).isEqualTo(" keep ");
        assertThat(row.schema().name()).isEqualTo("t.Row");
    }

    @Test
    void emptyCsvValuesAreNullExceptForStrings() throws Exception {
        Struct row = (Struct) csvConverter.convert(csv("7", "", " ", "", ""));
        assertThat(row.get("amount")).isNull();
        assertThat(row.get("ok")).isNull();
        assertThat(row.get("at")).isNull();
        assertThat(row.getString("note")).isEmpty();
    }

    @Test
    void rowsThatDoNotFitAreBadWithAReasonNamingTheColumn() {
        assertThatThrownBy(() -> csvConverter.convert(csv("7", "1")))
                .isInstanceOf(BadRowException.class).hasMessage("expected 5 columns, found 2");
        assertThatThrownBy(() -> csvConverter.convert(csv("seven", "1", "true", "", "")))
                .hasMessage("column 'id': 'seven' is not a valid int64");
        assertThatThrownBy(() -> csvConverter.convert(csv("99999999999999999999", "", "", "", "")))
                .hasMessage("column 'id': '99999999999999999999' is out of range for int64");
        assertThatThrownBy(() -> csvConverter.convert(csv("1", "1,5", "", "", "")))
                .hasMessage("column 'amount': '1,5' is not a valid float64");
        assertThatThrownBy(() -> csvConverter.convert(csv("1", "", "yes", "", "")))
                .hasMessage("column 'ok': 'yes' is not a valid boolean");
        assertThatThrownBy(() -> csvConverter.convert(csv("1", "", "", "May 1st", "")))
                .hasMessage("column 'at': 'May 1st' is not a valid timestamp");
        assertThatThrownBy(() -> csvConverter.convert(csv("", "", "", "", "")))
                .hasMessage("column 'id' is required but has no value");
    }

    @Test
    void checkRefusesExactlyWhatConvertRefusesWithTheSameReason() throws Exception {
        List<TextRecord> bad = List.of(csv("7", "1"), csv("seven", "1", "true", "", ""),
                csv("1", "1,5", "", "", ""), csv("1", "", "yes", "", ""), csv("1", "", "", "May 1st", ""),
                csv("", "", "", "", ""), csv("99999999999999999999", "", "", "", ""),
                csv("-9223372036854775809", "", "", "", ""));
        for (TextRecord row : bad) {
            String reason = catchThrowableOfType(() -> csvConverter.convert(row), BadRowException.class).getMessage();
            assertThatThrownBy(() -> csvConverter.check(row)).as(row.rawText())
                    .isInstanceOf(BadRowException.class).hasMessage(reason);
        }
        csvConverter.check(csv("7", " 1.5 ", "TRUE", "2024-05-01 10:15:30", " keep "));
        csvConverter.check(csv("7", "", " ", "", ""));
        csvConverter.check(csv("-9223372036854775808", "1e999", "false", "2024-05-01T10:15:30+02:00[Europe/Paris]",
                ""));

        MapRowConverter csvMaps = MapRowConverter.forCsv(List.of("id", "name"));
        csvMaps.check(csv("1", ""));
        assertThatThrownBy(() -> csvMaps.check(csv("1"))).hasMessage("expected 2 columns, found 1");
        StructRowConverter jsonRows = StructRowConverter.forJson("t.Row", COLUMNS,
                List.of("id", "amount", "ok", "at", "note"), true);
        assertThatThrownBy(() -> jsonRows.check(json("{\"id\":1,\"other\":2}")))
                .hasMessageStartingWith("key 'other' is not in the schema");
    }

    @Test
    void checkOfRowsFromTheReaderRefusesExactlyWhatConvertRefuses() throws Exception {
        String content = "7,1.5,true,2024-05-01T10:15:30Z,x\n"
                + "\" 8 \",\"2e3\",\"FALSE\",\"2024-05-01 10:15:30\",\"\"\n"
                + "9, ,  ,,\n"
                + " ,1,true,,\n"
                + "99999999999999999999,1,true,,\n"
                + "10,1\"\"5,true,,\n"
                + "11,abc,true,,\n"
                + "12,1,maybe,,\n"
                + "13,1,true,2024-13-01T00:00:00Z,\n"
                + "14,1,true\n"
                + "caf\u00e9,1,true,,\n"
                + "\u00a015\u00a0,1,true,,\n"
                + "\u001f16\u001f,\u00851\u0085,true,,\n"
                + "17,\"1,5\",true,,\n";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
            RecordReader reader = RecordReaders.open(ByteSources.bytes(content.getBytes(charset)), FileFormat.CSV,
                    new CsvOptions(',', '"', null, false, charset), ReadPosition.START);
            int bad = 0;
            boolean sawUndecoded = false;
            for (TextRecord next; (next = reader.next()) != null; ) {
                TextRecord row = next;
                sawUndecoded |= !(row.fieldText(0) instanceof String);
                // checked first, while its fields are still the reader's bytes
                BadRowException checked = catchThrowableOfType(() -> csvConverter.check(row), BadRowException.class);
                BadRowException converted = catchThrowableOfType(() -> csvConverter.convert(row),
                        BadRowException.class);
                if (converted == null) {
                    assertThat(checked).as(charset + " " + row.rawText()).isNull();
                } else {
                    bad++;
                    assertThat(checked).as(charset + " " + row.rawText()).isNotNull()
                            .hasMessage(converted.getMessage());
                }
            }
            assertThat(bad).as(charset.name()).isEqualTo(11);
            assertThat(sawUndecoded).as("fields left as the record's bytes until asked for").isTrue();
        }
    }

    @Test
    void eachTypeChecksExactlyWhatItParses() {
        List<String> texts = List.of("0", "7", " -12 ", "+3", "007", "1.", ".5", "-0.25e-3", "1e999", "1e", "e5",
                "1,5", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "123456789012345678", "+123456789012345678", "-1234567890123456789", "true", "FALSE", "yes",
                "2024-05-01T10:15:30Z", "2024-05-01 10:15:30.123", "2024-02-30T10:15:30Z",
                "2024-05-01T10:15:30+02:00[Europe/Paris]", "2024-05-01", "text", "-", "+", ".");
        for (ColumnType type : ColumnType.values()) {
            for (String text : texts) {
                BadRowException parsed = catchThrowableOfType(() -> type.parse(text), BadRowException.class);
                if (parsed == null) {
                    assertThatCode(() -> type.check(text)).as(type + " " + text).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> type.check(text)).as(type + " " + text)
                            .isInstanceOf(BadRowException.class).hasMessage(parsed.getMessage());
                }
            }
        }
    }

    @Test
    void aColumnTheFileLacksIsNull() throws Exception {
        StructRowConverter converter = StructRowConverter.forCsv("t.Row",
                List.of(new ColumnSpec("a", ColumnType.STRING, true), new ColumnSpec("b", ColumnType.INT64, true)),
                new int[] {1, -1}, 2);
        Struct row = (Struct) converter.convert(csv("ignored", "x"));
        assertThat(row.getString("a")).isEqualTo("x");
        assertThat(row.get("b")).isNull();
    }

    @Test
    void convertsJsonValuesAndRejectsKeysAnInferredSchemaLacks() throws Exception {
        List<String> keys = List.of("id", "amount", "ok", "at", "note");
        StructRowConverter inferred = StructRowConverter.forJson("t.Row", COLUMNS, keys, true);
        Struct row = (Struct) inferred.convert(json(
                "{\"id\":\"7\",\"amount\":2,\"ok\":false,\"at\":1714558530000,\"note\":{\"x\":[1]}}"));
        assertThat(row.getInt64("id")).isEqualTo(7L);
        assertThat(row.getFloat64("amount")).isEqualTo(2.0);
        assertThat(row.getBoolean("ok")).isFalse();
        assertThat(row.get("at")).isEqualTo(new Date(1714558530000L));
        assertThat(row.getString("note")).isEqualTo("{\"x\":[1]}");

        assertThatThrownBy(() -> inferred.convert(json("{\"id\":1,\"late\":true}")))
                .hasMessageStartingWith("key 'late' is not in the schema inferred from the first rows");
        assertThatThrownBy(() -> inferred.convert(json("{\"id\":1.5}")))
                .hasMessage("key 'id': JSON value 1.5 is not a valid int64");
        assertThatThrownBy(() -> inferred.convert(json("{\"id\":null}")))
                .hasMessage("column 'id' is required but has no value");

        StructRowConverter provided = StructRowConverter.forJson("t.Row", COLUMNS, keys, false);
        assertThat(((Struct) provided.convert(json("{\"id\":1,\"late\":true}"))).getInt64("id")).isEqualTo(1L);
    }

    @Test
    void schemalessRowsAreMaps() throws Exception {
        MapRowConverter csvMaps = MapRowConverter.forCsv(List.of("id", "name"));
        assertThat(csvMaps.schema()).isNull();
        assertThat(csvMaps.convert(csv("1", ""))).isEqualTo(Map.of("id", "1", "name", ""));
        assertThatThrownBy(() -> csvMaps.convert(csv("1"))).hasMessage("expected 2 columns, found 1");
        assertThat(MapRowConverter.forJson().convert(json("{\"a b\":1,\"c\":[1.5,null],\"d\":{\"e\":\"f\"}}")))
                .isEqualTo(Map.of("a b", 1L, "c", Arrays.asList(1.5, null), "d", Map.of("e", "f")));
    }
}
