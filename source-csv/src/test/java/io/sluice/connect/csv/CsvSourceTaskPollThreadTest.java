package io.sluice.connect.csv;

import java.util.Map;

/** Every {@link CsvSourceTaskTest} again, reading on Connect's poll thread ({@code read.ahead.batches=0}). */
class CsvSourceTaskPollThreadTest extends CsvSourceTaskTest {

    @Override
    Map<String, String> baseProps() {
        return Map.of("read.ahead.batches", "0");
    }
}
