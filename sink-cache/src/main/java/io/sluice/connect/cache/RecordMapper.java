package io.sluice.connect.cache;

import org.apache.kafka.connect.sink.SinkRecord;

/** Turns each record into its {@link CacheCommand}: the key, the stored value, its TTL and its version. */
final class RecordMapper {

    private final KeyTemplate keyTemplate;
    private final ValueEncoder encoder;
    private final TtlPolicy ttl;
    private final VersionExtractor versions;

    RecordMapper(KeyTemplate keyTemplate, ValueEncoder encoder, TtlPolicy ttl, VersionExtractor versions) {
        this.keyTemplate = keyTemplate;
        this.encoder = encoder;
        this.ttl = ttl;
        this.versions = versions;
    }

    /**
     * @param record a record
     * @return its write
     * @throws BadRecordException when the record cannot be written as configured
     */
    CacheCommand map(SinkRecord record) throws BadRecordException {
        Object value = record.value();
        if (value == null) {
            if (keyTemplate.readsValue()) {
                throw new BadRecordException("a tombstone (null value) cannot be deleted: key.template '"
                        + keyTemplate + "' reads the value, which a tombstone lacks; build the key from the record "
                        + "key instead, e.g. ${key} or ${key.id}");
            }
            return delete(record, keyTemplate.render(record), versions.version(record));
        }
        byte[] key = keyTemplate.render(record);
        Long version = versions.version(record);
        TtlPolicy.Expiry expiry = ttl.expiry(value);
        if (expiry.ttlMs() == TtlPolicy.EXPIRED) {
            return delete(record, key, version);
        }
        if (encoder.format() == ValueFormat.HASH) {
            return new CacheCommand(record, CacheCommand.Kind.HSET, key, null, encoder.encodeHash(value),
                    expiry.ttlMs(), expiry.atMs(), version);
        }
        return new CacheCommand(record, CacheCommand.Kind.SET, key, encoder.encodeString(value), null,
                expiry.ttlMs(), expiry.atMs(), version);
    }

    private static CacheCommand delete(SinkRecord record, byte[] key, Long version) {
        return new CacheCommand(record, CacheCommand.Kind.DELETE, key, null, null, TtlPolicy.NONE, 0, version);
    }
}
