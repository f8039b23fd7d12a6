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
     * When a written key expires.
     *
     * @param ttlMs the TTL in milliseconds, {@link #NONE} or {@link #EXPIRED}
     * @param atMs  the absolute expiry in epoch milliseconds when the record gave one ({@code ttl.field.type=
     *              expire_at}), else 0. Redis is given this time ({@code PXAT}) rather than {@code ttlMs}, so a
     *              write retried later still expires when the record says.
     */
    record Expiry(long ttlMs, long atMs) {
    }

    /**
     * @param value the non-null record value
     * @return the TTL in milliseconds, {@link #NONE} or {@link #EXPIRED}
     * @throws BadRecordException when the field is present but holds no usable time
     */
    long ttlMs(Object value) throws BadRecordException {
        return expiry(value).ttlMs();
    }

    /**
     * @param value the non-null record value
     * @return when the key expires
     * @throws BadRecordException when the field is present but holds no usable time
     */
    Expiry expiry(Object value) throws BadRecordException {
        if (field == null) {
            return new Expiry(fixedMs, 0);
        }
        Optional<Object> raw = field.resolve(value);
        if (raw.isEmpty()) {
            return new Expiry(fixedMs, 0);
        }
        return fieldType == TtlFieldType.SECONDS ? new Expiry(fromSeconds(raw.get()), 0) : fromExpiry(raw.get());
    }

    private long fromSeconds(Object raw) throws BadRecordException {
        BigDecimal seconds = NumberParsing.decimal(raw);
        if (seconds == null) {
            throw unparsable(raw, "a number of seconds");
        }
        if (seconds.signum() <= 0) {
            return EXPIRED;
        }
        Long ms = NumberParsing.toLong(seconds.multiply(THOUSAND), RoundingMode.CEILING);
        if (ms == null) {
            throw unparsable(raw, "a number of seconds that fits 64 bits in milliseconds");
        }
        return Math.max(1, ms);
    }

    private Expiry fromExpiry(Object raw) throws BadRecordException {
        Long expiresAt = NumberParsing.epochMillis(raw);
        if (expiresAt == null) {
            throw unparsable(raw, "epoch milliseconds, a timestamp or an ISO-8601 instant");
        }
        long remaining = expiresAt - clock.millis();
        return remaining <= 0 ? new Expiry(EXPIRED, 0) : new Expiry(remaining, expiresAt);
    }

    private BadRecordException unparsable(Object raw, String expected) {
        return new BadRecordException("ttl.field '" + field.text() + "' holds '" + raw + "', which is not "
                + expected + " (ttl.field.type=" + fieldType.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
