package io.sluice.connect.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The Lua script ({@code newer-wins.lua}) that writes a key only when the record's version is at least the one
 * stored in the key's version marker. It is loaded once per connection with {@code SCRIPT LOAD} and run by
 * {@code EVALSHA}; a server that lost it (a restart) answers {@code NOSCRIPT}, and the writer loads it again.
 *
 * <p>Equal versions are written, so that a redelivered batch (at-least-once) replays to the same end state.
 */
final class NewerWinsScript {

    static final String RESOURCE = "newer-wins.lua";
    static final long WRITTEN = 1;
    static final long DELETED = 2;
    static final long SKIPPED = 0;

    private static final String SOURCE = load();
    private static final byte[] SET = bytes("set");
    private static final byte[] HSET = bytes("hset");
    private static final byte[] DEL = bytes("del");

    private final byte[] markerSuffix;
    private final byte[] tombstoneRetentionMs;
    private byte[] sha;

    /**
     * @param markerSuffix         appended to a key to name its version marker
     * @param tombstoneRetentionMs how long a marker outlives its deleted key
     */
    NewerWinsScript(String markerSuffix, long tombstoneRetentionMs) {
        this.markerSuffix = bytes(markerSuffix);
        this.tombstoneRetentionMs = bytes(Long.toString(tombstoneRetentionMs));
    }

    /** @return the script's Lua source */
    static String source() {
        return SOURCE;
    }

    /** Loads the script into the server {@code jedis} talks to. */
    void load(Jedis jedis) {
        sha = bytes(jedis.scriptLoad(SOURCE));
    }

    /** @return whether {@link #load} ran on some connection */
    boolean loaded() {
        return sha != null;
    }

    /**
     * Queues the script call for {@code command} on {@code pipeline}.
     *
     * @return its response: {@link #WRITTEN}, {@link #DELETED} or {@link #SKIPPED}
     */
    Response<Object> queue(Pipeline pipeline, CacheCommand command) {
        List<byte[]> keys = List.of(command.key(), marker(command.key()));
        List<byte[]> args = new ArrayList<>();
        args.add(switch (command.kind()) {
            case SET -> SET;
            case HSET -> HSET;
            case DELETE -> DEL;
        });
        args.add(command.version() == null ? new byte[0] : bytes(Long.toString(command.version())));
        args.add(bytes(Long.toString(command.expires() ? command.expiryValue() : 0)));
        args.add(bytes(command.expiryUnit()));
        args.add(tombstoneRetentionMs);
        if (command.kind() == CacheCommand.Kind.SET) {
            args.add(command.value());
        } else if (command.kind() == CacheCommand.Kind.HSET) {
            for (Map.Entry<byte[], byte[]> field : command.fields().entrySet()) {
                args.add(field.getKey());
                args.add(field.getValue());
            }
        }
        return pipeline.evalsha(sha, keys, args);
    }

    private byte[] marker(byte[] key) {
        byte[] marker = new byte[key.length + markerSuffix.length];
        System.arraycopy(key, 0, marker, 0, key.length);
        System.arraycopy(markerSuffix, 0, marker, key.length, markerSuffix.length);
        return marker;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String load() {
        try (InputStream in = NewerWinsScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The plugin jar lacks " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
