package io.sluice.connect.csv;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAssignmentTest {

    @Test
    void theDocumentedExampleHolds() {
        assertThat("/data/in/orders-2024-01.csv".hashCode()).isEqualTo(665825042);
        assertThat(owner("/data/in/orders-2024-01.csv", 3)).isEqualTo(2);
        assertThat(owner("/data/in/orders-2024-02.csv", 3)).isEqualTo(0);
        assertThat(owner("/data/in/orders-2024-03.csv", 3)).isEqualTo(1);
    }

    @Test
    void everyPathHasExactlyOneOwnerIncludingPathsWithNegativeHashes() {
        for (int i = 0; i < 500; i++) {
            String path = "/data/in/file-" + i + ".csv";
            for (int count = 1; count <= 7; count++) {
                int tasks = count;
                long owners = IntStream.range(0, tasks).filter(t -> new TaskAssignment(t, tasks).owns(path)).count();
                assertThat(owners).as("%s with %d tasks", path, tasks).isEqualTo(1);
            }
        }
        assertThat("polygenelubricants".hashCode()).isNegative();
        assertThat(owner("polygenelubricants", 4)).isBetween(0, 3);
    }

    @Test
    void ownershipDependsOnlyOnThePathSoItIsStableAcrossInstancesAndRestarts() {
        String path = "/data/in/orders-2024-01.csv";
        assertThat(new TaskAssignment(2, 3).owns(new String(path.toCharArray()))).isTrue();
        assertThat(owner(path, 3)).isEqualTo(owner(path, 3));
    }

    @Test
    void taskPropsCarryTheAssignmentInInternalKeys() {
        Map<String, String> props = new TaskAssignment(1, 4).toTaskProps(Map.of("topic", "t"));
        assertThat(props).containsEntry("task.index", "1").containsEntry("task.count", "4").containsEntry("topic", "t");
        assertThat(TaskAssignment.fromTaskProps(props)).isEqualTo(new TaskAssignment(1, 4));
        assertThat(TaskAssignment.fromTaskProps(Map.of())).isEqualTo(new TaskAssignment(0, 1));
        assertThatThrownBy(() -> TaskAssignment.fromTaskProps(Map.of("task.index", "4", "task.count", "4")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("task.index=4");
    }

    private static int owner(String path, int count) {
        return IntStream.range(0, count).filter(t -> new TaskAssignment(t, count).owns(path)).findFirst().orElseThrow();
    }
}
