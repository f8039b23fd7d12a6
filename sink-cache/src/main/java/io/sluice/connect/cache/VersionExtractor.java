package io.sluice.connect.cache;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** The version a record is compared by under newer-wins. */
final class VersionExtractor {

    /** Versions travel through Lua, whose numbers are doubles: integers beyond 2^53 would compare inexactly. */
    static final long MAX_VERSION = 1L << 53;

    private final NewerWinsMode mode;
    private final FieldPath field;

    VersionExtractor(NewerWinsMode mode, FieldPath field) {
        this.mode = mode;
        this.field = field;
    }

    /**
     * @param record the record
     * @return its version; null when newer-wins is off, or for a tombstone under {@link NewerWinsMode#FIELD} whose
     *         record key (a Struct or Map) does not hold {@code newer.wins.field} either
     * @throws BadRecordException when the version is missing or unreadable
     */
    Long version(SinkRecord record) throws BadRecordException {
        switch (mode) {
            case NONE:
                return null;
            case TIMESTAMP:
                if (record.timestamp() == null) {
                    throw new BadRecordException("newer.wins=timestamp, but the record has no timestamp: choose "
                            + "newer.wins=field with a version field");
                }
                return checked(record.timestamp(), record.timestamp());
            default:
                return record.value() != null ? fieldVersion(record.value()) : tombstoneVersion(record.key());
        }
    }

    /**
     * A tombstone has no value, but its record key may carry the version (a key Struct {id, version}, say): then a
     * late tombstone older than the stored version is skipped like any older record. Otherwise it has no version
     * and deletes unconditionally.
     */
    private Long tombstoneVersion(Object key) throws BadRecordException {
        if (!(key instanceof Struct) && !(key instanceof Map<?, ?>)) {
            return null;
        }
        Optional<Object> raw = field.resolve(key);
        return raw.isEmpty() ? null : parsed(raw.get(), "record key");
    }

    private Long fieldVersion(Object value) throws BadRecordException {
        Optional<Object> raw = field.resolve(value);
        if (raw.isEmpty()) {
            throw new BadRecordException("newer.wins.field '" + field.text() + "' is missing or null in the record "
                    + "value: every record needs a version under newer-wins");
        }
        return parsed(raw.get(), "record value");
    }

    private Long parsed(Object raw, String where) throws BadRecordException {
        Long version = NumberParsing.epochMillis(raw);
        if (version == null) {
            throw new BadRecordException("newer.wins.field '" + field.text() + "' holds '" + raw + "' in the " + where
                    + ", which is not an integer, a timestamp or an ISO-8601 instant");
        }
        return checked(version, raw);
    }

    private static Long checked(long version, Object raw) throws BadRecordException {
        if (Math.abs(version) > MAX_VERSION) {
            throw new BadRecordException("version '" + raw + "' is beyond +/-2^53, which Redis scripts cannot "
                    + "compare exactly: use epoch milliseconds or a smaller counter");
        }
        return version;
    }
}
