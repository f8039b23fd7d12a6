package io.sluice.connect.redis;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskAssignmentTest {

    @Test
    void offsetModeDealsSortedStreamsRoundRobinToAtMostMaxTasks() {
        List<TaskAssignment> tasks = TaskAssignment.assign(DeliveryMode.OFFSET, List.of("c", "a", "b"), 2, Map.of());
        assertThat(tasks).extracting(TaskAssignment::streams).containsExactly(List.of("a", "c"), List.of("b"));
        assertThat(tasks).extracting(TaskAssignment::count).containsOnly(2);

        assertThat(TaskAssignment.assign(DeliveryMode.OFFSET, List.of("b", "a"), 8, Map.of()))
                .extracting(TaskAssignment::streams).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void offsetModeWithoutStreamsStartsOneWaitingTask() {
        assertThat(TaskAssignment.assign(DeliveryMode.OFFSET, List.of(), 4, Map.of())).singleElement()
                .satisfies(t -> assertThat(t.streams()).isEmpty());
    }

    @Test
    void groupModeGivesEveryTaskEveryStream() {
        List<TaskAssignment> tasks = TaskAssignment.assign(DeliveryMode.GROUP, List.of("hot", "cold"), 3, Map.of());
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

    @Test
    void latestStartIdsResolvedByTheConnectorTravelToTheTasksOfTheirStreams() {
        Map<String, StreamEntryID> latest = Map.of("a", new StreamEntryID(5, 1), "b", new StreamEntryID(7, 0));
        List<TaskAssignment> tasks = TaskAssignment.assign(DeliveryMode.OFFSET, List.of("a", "b", "c"), 2, latest);
        assertThat(tasks.get(0).startIds()).containsOnlyKeys("a");
        assertThat(tasks.get(1).startIds()).containsOnlyKeys("b");
        TaskAssignment first = TaskAssignment.fromTaskProps(tasks.get(0).toTaskProps(Map.of("name", "x")));
        assertThat(first).isEqualTo(tasks.get(0));

        StartPosition latestStart = StartPosition.parse("start.id", "latest");
        assertThat(first.startAfter("a", latestStart)).isEqualTo(new StreamEntryID(5, 1));
        assertThat(first.startAfter("c", latestStart)).as("a stream that did not exist at connector start")
                .isEqualTo(new StreamEntryID(0, 0));
        assertThat(first.startAfter("a", StartPosition.parse("start.id", "earliest")))
                .isEqualTo(new StreamEntryID(0, 0));
        assertThat(first.startAfter("a", StartPosition.parse("start.id", "9-9"))).isEqualTo(new StreamEntryID(9, 9));
    }

    @Test
    void aBrokenAssignmentNamesTheInternalKeysButNeverTheOtherProps() {
        Map<String, String> props = new TaskAssignment(0, 1, List.of("a")).toTaskProps(
                Map.of("redis.password", "top-secret-pw", "name", "x"));
        Map<String, String> broken = new java.util.HashMap<>(props);
        broken.put("task.count", "one");
        assertThatThrownBy(() -> TaskAssignment.fromTaskProps(broken)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("task.count").hasMessageNotContaining("top-secret-pw");
        broken.put("task.count", "1");
        broken.put("task.streams", "[\"top-secret-pw");
        assertThatThrownBy(() -> TaskAssignment.fromTaskProps(broken)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("task.streams").hasMessageNotContaining("top-secret-pw");
    }
}
