package io.sluice.connect.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Entries Kafka has acknowledged and Redis not yet: filled from the producer's thread ({@code commitRecord}), sent
 * from the poll thread as one {@code XACK} per stream, pipelined.
 */
final class PendingAcks {

    private static final Logger log = LoggerFactory.getLogger(PendingAcks.class);

    /** One entry of one stream. */
    record Ack(String stream, StreamEntryID id) {
    }

    private final ConcurrentLinkedQueue<Ack> queue = new ConcurrentLinkedQueue<>();

    void add(String stream, StreamEntryID id) {
        queue.add(new Ack(stream, id));
    }

    /** @return how many acknowledgements are queued */
    int size() {
        return queue.size();
    }

    /** Sends every queued acknowledgement, retrying through the session; on failure they stay queued. */
    void flush(RedisSession session, String group) {
        Map<String, List<StreamEntryID>> byStream = drain();
        if (byStream.isEmpty()) {
            return;
        }
        try {
            session.call("acknowledge entries", jedis -> send(jedis.pipelined(), group, byStream));
        } catch (RuntimeException e) {
            requeue(byStream);
            throw e;
        }
    }

    /** Sends the queued acknowledgements once, for a stopping task; what fails is delivered again after restart. */
    void flushOnce(RedisSession session, String group) {
        Map<String, List<StreamEntryID>> byStream = drain();
        if (byStream.isEmpty()) {
            return;
        }
        try {
            session.callOnce(jedis -> send(jedis.pipelined(), group, byStream));
        } catch (RuntimeException e) {
            int count = byStream.values().stream().mapToInt(List::size).sum();
            log.warn("Could not acknowledge {} entries before stopping ({}); they stay pending and are delivered "
                    + "again when the task restarts", count, e.toString());
        }
    }

    private static Void send(Pipeline pipeline, String group, Map<String, List<StreamEntryID>> byStream) {
        List<Response<Long>> replies = new ArrayList<>();
        try (pipeline) {
            byStream.forEach((stream, ids) ->
                    replies.add(pipeline.xack(stream, group, ids.toArray(StreamEntryID[]::new))));
            pipeline.sync();
        }
        // sync() does not throw for error replies (LOADING while Redis restarts): get() does, so the caller retries
        replies.forEach(Response::get);
        return null;
    }

    private Map<String, List<StreamEntryID>> drain() {
        Map<String, List<StreamEntryID>> byStream = new LinkedHashMap<>();
        for (Ack ack = queue.poll(); ack != null; ack = queue.poll()) {
            byStream.computeIfAbsent(ack.stream(), s -> new ArrayList<>()).add(ack.id());
        }
        return byStream;
    }

    private void requeue(Map<String, List<StreamEntryID>> byStream) {
        byStream.forEach((stream, ids) -> ids.forEach(id -> add(stream, id)));
    }
}
