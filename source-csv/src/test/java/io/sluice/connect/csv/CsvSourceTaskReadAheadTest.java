package io.sluice.connect.csv;

import java.util.Map;

/** Every {@link CsvSourceTaskTest} again, reading on a thread of the task's own ({@code read.ahead.batches=1}). */
class CsvSourceTaskReadAheadTest extends CsvSourceTaskTest {

    @Override
    Map<String, String> baseProps() {
        return Map.of("read.ahead.batches", "1");
    }
}
