package io.sluice.connect.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskAssignmentTest {

    private static final PostgresSourceConfig CONFIG = new PostgresSourceConfig(Map.of(
            "connection.url", "jdbc:postgresql://db/shop"));

    private static List<List<String>> assign(List<Split> splits, int maxTasks) {
        return TaskAssignment.taskConfigs(Map.of("name", "x"), splits, maxTasks).stream()
                .map(props -> TaskAssignment.splits(props, CONFIG).stream().map(Split::name).toList())
                .toList();
    }

    @Test
    void sortedTablesAreDealtOutInTurnToAtMostTasksMaxTasks() {
        List<Split> tables = List.of(Split.table("public", "e"), Split.table("public", "b"),
                Split.table("public", "d"), Split.table("public", "a"), Split.table("public", "c"));
        assertThat(assign(tables, 2)).containsExactly(
                List.of("public.a", "public.c", "public.e"), List.of("public.b", "public.d"));
        assertThat(assign(tables, 8)).hasSize(5).allMatch(own -> own.size() == 1);
        assertThat(assign(List.of(), 4)).isEmpty();
    }

    @Test
    void eachTaskIsToldItsIndexForItsThreadNamesAndAnOlderConfigurationHasNone() {
        List<Split> tables = List.of(Split.table("public", "a"), Split.table("public", "b"),
                Split.table("public", "c"));
        assertThat(TaskAssignment.taskConfigs(Map.of("name", "x"), tables, 2).stream().map(TaskAssignment::index))
                .containsExactly(0, 1);
        assertThat(TaskAssignment.index(Map.of("name", "x", TaskAssignment.SPLITS_KEY, "[]"))).isNull();
    }

    @Test
    void namesWithCommasAndQuotesSurviveTheTaskConfiguration() {
        Split odd = Split.table("Sales, \"EU\"", "orders,2024");
        assertThat(TaskAssignment.splits(TaskAssignment.taskConfigs(Map.of(), List.of(odd), 1).get(0), CONFIG))
                .containsExactly(odd);
    }

    @Test
    void keyRangesOfOneTableSpreadOverTheTasksInKeyOrder() {
        Split table = Split.table("public", "big");
        List<Split> ranges = List.of(table.withRange(new Split.KeyRange(null, List.of("100"))),
                table.withRange(new Split.KeyRange(List.of("100"), List.of("200"))),
                table.withRange(new Split.KeyRange(List.of("200"), null)));
        List<List<Split>> tasks = TaskAssignment.taskConfigs(Map.of(), ranges, 3).stream()
                .map(props -> TaskAssignment.splits(props, CONFIG)).toList();
        assertThat(tasks).containsExactly(List.of(ranges.get(0)), List.of(ranges.get(1)), List.of(ranges.get(2)));
    }
}
