package io.sluice.connect.cache;

import java.util.Optional;
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

    NewerWinsMode mode() {
        return mode;
    }

    /**
     * @param record the record
     * @return its version; null when newer-wins is off, or for a tombstone under {@link NewerWinsMode#FIELD} (it
     *         has no value to read a version from)
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
                return fieldVersion(record.value());
        }
    }

    private Long fieldVersion(Object value) throws BadRecordException {
        if (value == null) {
            return null;
        }
        Optional<Object> raw = field.resolve(value);
        if (raw.isEmpty()) {
            throw new BadRecordException("newer.wins.field '" + field.text() + "' is missing or null in the record "
                    + "value: every record needs a version under newer-wins");
        }
        Long version = NumberParsing.epochMillis(raw.get());
        if (version == null) {
            throw new BadRecordException("newer.wins.field '" + field.text() + "' holds '" + raw.get()
                    + "', which is not an integer, a timestamp or an ISO-8601 instant");
        }
        return checked(version, raw.get());
    }

    private static Long checked(long version, Object raw) throws BadRecordException {
        if (Math.abs(version) > MAX_VERSION) {
            throw new BadRecordException("version '" + raw + "' is beyond +/-2^53, which Redis scripts cannot "
                    + "compare exactly: use epoch milliseconds or a smaller counter");
        }
        return version;
    }
}
