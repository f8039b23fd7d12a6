package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAssignmentTest {

    @Test
    void offsetModeDealsSortedStreamsRoundRobinToAtMostMaxTasks() {
        List<TaskAssignment> tasks = TaskAssignment.assign(DeliveryMode.OFFSET, List.of("c", "a", "b"), 2);
        assertThat(tasks).extracting(TaskAssignment::streams).containsExactly(List.of("a", "c"), List.of("b"));
        assertThat(tasks).extracting(TaskAssignment::count).containsOnly(2);

        assertThat(TaskAssignment.assign(DeliveryMode.OFFSET, List.of("b", "a"), 8))
                .extracting(TaskAssignment::streams).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void offsetModeWithoutStreamsStartsOneWaitingTask() {
        assertThat(TaskAssignment.assign(DeliveryMode.OFFSET, List.of(), 4)).singleElement()
                .satisfies(t -> assertThat(t.streams()).isEmpty());
    }

    @Test
    void groupModeGivesEveryTaskEveryStream() {
        List<TaskAssignment> tasks = TaskAssignment.assign(DeliveryMode.GROUP, List.of("hot", "cold"), 3);
        assertThat(tasks).hasSize(3).extracting(TaskAssignment::streams).containsOnly(List.of("cold", "hot"));
        assertThat(tasks).extracting(TaskAssignment::index).containsExactly(0, 1, 2);
    }

    @Test
    void theAssignmentTravelsInTaskPropsEvenWithCommasInKeys() {
        TaskAssignment assignment = new TaskAssignment(1, 3, List.of("a,b", "c:d"));
        Map<String, String> props = assignment.toTaskProps(Map.of("name", "x"));
        assertThat(props).containsEntry("name", "x");
        assertThat(TaskAssignment.fromTaskProps(props)).isEqualTo(assignment);
        assertThatThrownBy(() -> TaskAssignment.fromTaskProps(Map.of("name", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("task.streams");
    }
}
