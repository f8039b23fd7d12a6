package io.sluice.connect.cache;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;

/**
 * The time to live of a written key: from {@code ttl.field} when it is set and the record has it, else the fixed
 * {@code ttl.seconds}, else none.
 */
final class TtlPolicy {

    /** No expiry. */
    static final long NONE = 0;
    /** The record is already past its expiry: its key is deleted rather than written. */
    static final long EXPIRED = -1;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final long fixedMs;
    private final FieldPath field;
    private final TtlFieldType fieldType;
    private final Clock clock;

    /**
     * @param fixedSeconds the fixed TTL; 0 for none
     * @param field        the value field holding a TTL, or null
     * @param fieldType    what the field's number means
     * @param clock        the time source for absolute expiry times
     */
    TtlPolicy(long fixedSeconds, FieldPath field, TtlFieldType fieldType, Clock clock) {
        this.fixedMs = Math.multiplyExact(fixedSeconds, 1000L);
        this.field = field;
        this.fieldType = fieldType;
        this.clock = clock;
    }

    /**
     * @param value the non-null record value
     * @return the TTL in milliseconds, {@link #NONE} or {@link #EXPIRED}
     * @throws BadRecordException when the field is present but holds no usable time
     */
    long ttlMs(Object value) throws BadRecordException {
        if (field == null) {
            return fixedMs;
        }
        Optional<Object> raw = field.resolve(value);
        if (raw.isEmpty()) {
            return fixedMs;
        }
        return fieldType == TtlFieldType.SECONDS ? fromSeconds(raw.get()) : fromExpiry(raw.get());
    }

    private long fromSeconds(Object raw) throws BadRecordException {
        BigDecimal seconds = NumberParsing.decimal(raw);
        if (seconds == null) {
            throw unparsable(raw, "a number of seconds");
        }
        if (seconds.signum() <= 0) {
            return EXPIRED;
        }
        try {
            return Math.max(1, seconds.multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact());
        } catch (ArithmeticException e) {
            throw unparsable(raw, "a number of seconds that fits 64 bits in milliseconds");
        }
    }

    private long fromExpiry(Object raw) throws BadRecordException {
        Long expiresAt = NumberParsing.epochMillis(raw);
        if (expiresAt == null) {
            throw unparsable(raw, "epoch milliseconds, a timestamp or an ISO-8601 instant");
        }
        long remaining = expiresAt - clock.millis();
        return remaining <= 0 ? EXPIRED : remaining;
    }

    private BadRecordException unparsable(Object raw, String expected) {
        return new BadRecordException("ttl.field '" + field.text() + "' holds '" + raw + "', which is not "
                + expected + " (ttl.field.type=" + fieldType.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
