package io.sluice.connect.csv;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTemplateTest {

    @Test
    void aFixedTopicIsUsedForEveryFile() {
        TopicTemplate topic = TopicTemplate.parse(" orders ");
        assertThat(topic.isFixed()).isTrue();
        assertThat(topic.resolve(Path.of("/in/a.csv"))).isEqualTo("orders");
    }

    @Test
    void placeholdersResolvePerFileWithInvalidCharactersReplaced() {
        TopicTemplate topic = TopicTemplate.parse("raw-${dir}-${file}");
        assertThat(topic.isFixed()).isFalse();
        assertThat(topic.resolve(Path.of("/data/in/sales/May orders.csv"))).isEqualTo("raw-sales-May_orders");
        assertThat(topic.resolve(Path.of("/data/in/sales/orders.2024.csv.gz"))).isEqualTo("raw-sales-orders.2024");
        assertThat(TopicTemplate.parse("${filename}").resolve(Path.of("/in/a b.jsonl.gz"))).isEqualTo("a_b.jsonl.gz");
        assertThat(TopicTemplate.parse("${file}").resolve(Path.of("/in/README"))).isEqualTo("README");
    }

    @Test
    void resolvedTopicsAreCutToKafkasLimit() {
        String longName = "x".repeat(300) + ".csv";
        assertThat(TopicTemplate.parse("${file}").resolve(Path.of("/in", longName))).hasSize(249);
    }

    @Test
    void unknownPlaceholdersAndInvalidFixedNamesAreRejected() {
        assertThatThrownBy(() -> TopicTemplate.parse("t-${date}"))
                .hasMessageContaining("unknown placeholders [${date}]");
        assertThatThrownBy(() -> TopicTemplate.parse("my topic")).hasMessageContaining("characters a topic name");
        assertThatThrownBy(() -> TopicTemplate.parse("t-${file")).hasMessageContaining("characters a topic name");
        assertThatThrownBy(() -> TopicTemplate.parse(" ")).hasMessageContaining("must not be empty");
    }
}
