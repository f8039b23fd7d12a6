package io.sluice.connect.cache;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Optional;

/** The text of a scalar record value, as it goes into a Redis key or a hash field name. */
final class ScalarText {

    private ScalarText() {
    }

    /**
     * @param value a field value
     * @return its text: strings as they are, numbers in plain notation, booleans, and dates (Connect's Timestamp,
     *         Date and Time) as epoch milliseconds; empty for structs, maps, arrays and bytes, which have no single
     *         obvious text
     */
    static Optional<String> of(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Character) {
            return Optional.of(value.toString());
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal.toPlainString());
        }
        if (value instanceof Number) {
            return Optional.of(value.toString());
        }
        if (value instanceof Date date) {
            return Optional.of(Long.toString(date.getTime()));
        }
        return Optional.empty();
    }
}
