package io.sluice.connect.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {

    private static final Schema ADDRESS = SchemaBuilder.struct().field("city", Schema.STRING_SCHEMA).build();
    private static final Schema USER = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("address", ADDRESS)
            .field("nick", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static String render(String template, SinkRecord record) throws BadRecordException {
        return new String(KeyTemplate.parse(template).render(record), StandardCharsets.UTF_8);
    }

    @Test
    void rendersTopicPartitionOffsetAndTheRecordKey() throws BadRecordException {
        SinkRecord record = Records.of("u-7", Map.of("id", 7L));
        assertThat(render("${topic}:${partition}:${offset}:${key}", record)).isEqualTo("users:3:42:u-7");
        assertThat(render("plain-key", record)).isEqualTo("plain-key");
        assertThat(render("cost$5:${ key }", record)).as("a lone $ is literal; names are trimmed")
                .isEqualTo("cost$5:u-7");
    }

    @Test
    void topicIsTheTopicAfterTransforms() throws BadRecordException {
        SinkRecord original = Records.of("u-7", Map.of("id", 7L));
        SinkRecord renamed = original.newRecord("users-v2", original.kafkaPartition(), null, original.key(), null,
                original.value(), original.timestamp());
        assertThat(render("${topic}:${key}", renamed)).as("a RegexRouter-style rename is what the key shows")
                .isEqualTo("users-v2:u-7");
    }

    @Test
    void rendersNestedFieldsOfStructAndMapValuesAndKeys() throws BadRecordException {
        Struct user = new Struct(USER).put("id", 7L).put("address", new Struct(ADDRESS).put("city", "Oslo"));
        SinkRecord record = Records.of(USER, Map.of("id", 9, "tenant", Map.of("name", "acme")), user);
        assertThat(render("user:${value.id}:${value.address.city}", record)).isEqualTo("user:7:Oslo");
        assertThat(render("${key.tenant.name}/${key.id}", record)).isEqualTo("acme/9");
        assertThat(KeyTemplate.parse("user:${value.id}").readsValue()).isTrue();
        assertThat(KeyTemplate.parse("user:${key.id}").readsValue()).isFalse();
    }

    @Test
    void aMissingOrNullFieldIsABadRecordNamingTheTemplateAndTheField() {
        Struct user = new Struct(USER).put("id", 7L).put("address", new Struct(ADDRESS).put("city", "Oslo"));
        SinkRecord record = Records.of(USER, null, user);
        assertThatThrownBy(() -> render("user:${value.nick}", record)).isInstanceOf(BadRecordException.class)
                .hasMessage("key.template 'user:${value.nick}': ${value.nick} has no value: field 'nick' is missing "
                        + "or null in the record value");
        assertThatThrownBy(() -> render("user:${value.email}", record)).hasMessageContaining("'email' is missing");
        assertThatThrownBy(() -> render("${key}", record)).hasMessageContaining("the record key is null");
        assertThatThrownBy(() -> render("${value.address}", record)).hasMessageContaining("not a scalar")
                .hasMessageContaining("${value.address.id}");
        assertThatThrownBy(() -> render("${key}", Records.of(List.of(1, 2), Map.of())))
                .hasMessageContaining("not a scalar");
    }

    @Test
    void syntaxErrorsNameTheProblemAndTheAcceptedPlaceholders() {
        assertThatThrownBy(() -> KeyTemplate.parse("user:${value.id")).hasMessageContaining("unclosed '${'");
        assertThatThrownBy(() -> KeyTemplate.parse("user:${id}")).hasMessageContaining("unknown placeholder '${id}'")
                .hasMessageContaining("${value.<field>}");
        assertThatThrownBy(() -> KeyTemplate.parse("${value.a..b}")).hasMessageContaining("empty field name");
        assertThatThrownBy(() -> KeyTemplate.parse("")).hasMessageContaining("must not be empty");
    }
}
