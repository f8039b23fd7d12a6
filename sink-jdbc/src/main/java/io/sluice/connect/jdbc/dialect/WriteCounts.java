package io.sluice.connect.jdbc.dialect;

/**
 * What a batch did to a table.
 *
 * @param created  rows inserted
 * @param updated  existing rows changed
 * @param upserted rows inserted or updated where the database does not say which
 */
public record WriteCounts(long created, long updated, long upserted) {

    /** No rows. */
    public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

    /** @return the sum of this and {@code other} */
    public WriteCounts plus(WriteCounts other) {
        return new WriteCounts(created + other.created, updated + other.updated, upserted + other.upserted);
    }
}
