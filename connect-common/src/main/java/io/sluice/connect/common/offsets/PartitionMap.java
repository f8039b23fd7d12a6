package io.sluice.connect.common.offsets;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable source partition that computes its hash code once.
 *
 * <p>Connect hashes the partition of every record it sends (to keep the record's offset until the record is
 * acknowledged); a {@code HashMap} walks its entries each time. A task that sends many records of one partition
 * builds one of these and gives it to all of them.
 *
 * <p>It iterates in the order of the map it was made from, which is the order of the keys in the partition's JSON in
 * the offset store.
 */
public final class PartitionMap extends AbstractMap<String, Object> {

    private final Map<String, Object> entries;
    private final int hash;

    private PartitionMap(Map<String, ?> map) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        this.hash = entries.hashCode();
    }

    /**
     * @param map a partition; later changes to it are not seen
     * @return an unmodifiable copy with the same entries, order and hash code
     */
    public static PartitionMap of(Map<String, ?> map) {
        return map instanceof PartitionMap p ? p : new PartitionMap(map);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || super.equals(o);
    }
}
