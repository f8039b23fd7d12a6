package io.sluice.connect.cache;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;

/**
 * Sends a batch of {@link CacheCommand}s in one pipeline (one round trip) and sorts out the replies.
 *
 * <p>An error reply concerns its own command only: the rest of the batch is applied. A reply that says "not now"
 * ({@code LOADING}, {@code BUSY}, ...) makes that command and every later one in the batch due for another
 * attempt, in their order, so that an older write to a key is never replayed after a newer one. A lost
 * connection throws, and the whole attempt is repeated: every command is idempotent.
 */
final class PipelineWriter {

    private static final Logger log = LoggerFactory.getLogger(PipelineWriter.class);

    private final RedisConnection connection;
    private final NewerWinsScript script;

    /**
     * @param connection the task's connection
     * @param script     the newer-wins script, or null when newer-wins is off
     */
    PipelineWriter(RedisConnection connection, NewerWinsScript script) {
        this.connection = connection;
        this.script = script;
    }

    /**
     * One attempt at a batch.
     *
     * @param written  commands that stored a value
     * @param deleted  commands that deleted a key
     * @param skipped  commands skipped because the stored version is newer
     * @param failed   commands Redis refused for good, each with its error reply
     * @param retry    commands to attempt again, in batch order
     * @param retryCause the reply that made them due again; null when {@code retry} is empty
     */
    record Attempt(int written, int deleted, int skipped, List<Failure> failed, List<CacheCommand> retry,
                   JedisDataException retryCause) {
    }

    /** A command Redis refused, with its error reply. */
    record Failure(CacheCommand command, JedisDataException error) {
    }

    /**
     * @param commands the batch, in record order
     * @return the outcome
     * @throws JedisConnectionException when the connection fails; it is dropped, and the caller retries
     */
    Attempt write(List<CacheCommand> commands) {
        try {
            Jedis jedis = connection.client();
            if (script != null && !script.loaded()) {
                script.load(jedis);
            }
            Attempt attempt = send(jedis, commands);
            if (attempt.retryCause() instanceof JedisNoScriptException) {
                // the server restarted and lost the script: load it again and replay from the first refusal
                log.info("Redis at {} no longer has the newer-wins script (restarted or flushed); loading it again",
                        connection.endpoint());
                script.load(jedis);
                Attempt replay = send(jedis, attempt.retry());
                List<Failure> failed = new ArrayList<>(attempt.failed());
                failed.addAll(replay.failed());
                return new Attempt(attempt.written() + replay.written(), attempt.deleted() + replay.deleted(),
                        attempt.skipped() + replay.skipped(), failed, replay.retry(), replay.retryCause());
            }
            return attempt;
        } catch (JedisConnectionException e) {
            connection.reset();
            throw e;
        }
    }

    private Attempt send(Jedis jedis, List<CacheCommand> commands) {
        List<List<Response<?>>> replies = new ArrayList<>(commands.size());
        try (Pipeline pipeline = jedis.pipelined()) {
            for (CacheCommand command : commands) {
                replies.add(script != null ? List.of(script.queue(pipeline, command)) : queuePlain(pipeline, command));
            }
            pipeline.sync();
        }
        int written = 0;
        int deleted = 0;
        int skipped = 0;
        List<Failure> failed = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            CacheCommand command = commands.get(i);
            try {
                long outcome = outcome(command, replies.get(i));
                if (outcome == NewerWinsScript.SKIPPED) {
                    skipped++;
                } else if (outcome == NewerWinsScript.DELETED) {
                    deleted++;
                } else {
                    written++;
                }
            } catch (JedisDataException e) {
                if (e instanceof JedisNoScriptException || RedisErrors.isTransientReply(e)) {
                    return new Attempt(written, deleted, skipped, failed,
                            List.copyOf(commands.subList(i, commands.size())), e);
                }
                failed.add(new Failure(command, e));
            }
        }
        return new Attempt(written, deleted, skipped, failed, List.of(), null);
    }

    private static List<Response<?>> queuePlain(Pipeline pipeline, CacheCommand command) {
        switch (command.kind()) {
            case DELETE:
                return List.of(pipeline.del(command.key()));
            case SET:
                return List.of(command.ttlMs() > 0
                        ? pipeline.set(command.key(), command.value(), SetParams.setParams().px(command.ttlMs()))
                        : pipeline.set(command.key(), command.value()));
            default:
                // replace, not merge: a field the record no longer has must not linger from an older record
                List<Response<?>> replies = new ArrayList<>(3);
                replies.add(pipeline.del(command.key()));
                replies.add(pipeline.hset(command.key(), command.fields()));
                if (command.ttlMs() > 0) {
                    replies.add(pipeline.pexpire(command.key(), command.ttlMs()));
                }
                return replies;
        }
    }

    /** Reads every reply of a command, so that an error in any of them is seen; returns the script's outcome. */
    private long outcome(CacheCommand command, List<Response<?>> replies) {
        Object last = null;
        for (Response<?> reply : replies) {
            last = reply.get();
        }
        if (script != null && last instanceof Long code) {
            return code;
        }
        return command.kind() == CacheCommand.Kind.DELETE ? NewerWinsScript.DELETED : NewerWinsScript.WRITTEN;
    }
}
