package io.sluice.connect.cache;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;

/**
 * Sends a batch of {@link CacheCommand}s in one pipeline (one round trip) and sorts out the replies.
 *
 * <p>An error reply usually concerns its own command only: the rest of the batch is applied, and the command's
 * record is bad. A reply that says "not now" ({@code LOADING}, {@code BUSY}, ...) makes that command and every
 * later one in the batch due for another attempt, in their order, so that an older write to a key is never
 * replayed after a newer one; after {@code READONLY}, {@code MASTERDOWN} or {@code LOADING} the connection is
 * also opened again. A reply that refuses every write alike (credentials, permissions, a cluster redirection; see
 * {@link RedisErrors#serverRefusal}) throws and fails the task. A lost connection throws, and the whole attempt is
 * repeated: every command is idempotent.
 */
// not final: CacheWriter's unit tests stand in a scripted pipeline for the server
class PipelineWriter {

    private static final Logger log = LoggerFactory.getLogger(PipelineWriter.class);
    private static final byte[][] NO_ARGS = new byte[0][];

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
     * @throws RedisErrors.ServerRefusalException when Redis refuses every write alike
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
                return reconnectIfNeeded(new Attempt(attempt.written() + replay.written(),
                        attempt.deleted() + replay.deleted(), attempt.skipped() + replay.skipped(), failed,
                        replay.retry(), replay.retryCause()));
            }
            return reconnectIfNeeded(attempt);
        } catch (JedisConnectionException e) {
            connection.reset();
            throw e;
        }
    }

    private Attempt reconnectIfNeeded(Attempt attempt) {
        if (attempt.retryCause() != null && RedisErrors.needsNewConnection(attempt.retryCause())) {
            // a failover may have moved the primary: the next attempt resolves and connects afresh
            connection.reset();
        }
        return attempt;
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
                RedisErrors.ServerRefusalException refusal = RedisErrors.serverRefusal(e, connection.endpoint());
                if (refusal != null) {
                    throw refusal;
                }
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
                if (!command.expires()) {
                    return List.of(pipeline.set(command.key(), command.value()));
                }
                SetParams params = command.expireAtMs() > 0 ? SetParams.setParams().pxAt(command.expireAtMs())
                        : SetParams.setParams().px(command.ttlMs());
                return List.of(pipeline.set(command.key(), command.value(), params));
            default:
                return queueHashReplace(pipeline, command);
        }
    }

    /**
     * Replace, not merge, so that a field the record no longer has does not linger from an older record; and in
     * one MULTI/EXEC, so that a reader never sees the key missing between DEL and HSET, and a refused command
     * (checked when queued) aborts the whole replace instead of leaving a hash without its TTL.
     */
    private static List<Response<?>> queueHashReplace(Pipeline pipeline, CacheCommand command) {
        List<byte[]> hset = new ArrayList<>(1 + 2 * command.fields().size());
        hset.add(command.key());
        command.fields().forEach((field, value) -> {
            hset.add(field);
            hset.add(value);
        });
        List<Response<?>> replies = new ArrayList<>(5);
        replies.add(pipeline.sendCommand(Protocol.Command.MULTI, NO_ARGS));
        replies.add(pipeline.sendCommand(Protocol.Command.DEL, command.key()));
        replies.add(pipeline.sendCommand(Protocol.Command.HSET, hset.toArray(new byte[0][])));
        if (command.expires()) {
            replies.add(pipeline.sendCommand(command.expireAtMs() > 0 ? Protocol.Command.PEXPIREAT
                    : Protocol.Command.PEXPIRE, command.key(), Protocol.toByteArray(command.expiryValue())));
        }
        replies.add(pipeline.sendCommand(Protocol.Command.EXEC, NO_ARGS));
        return replies;
    }

    /** Reads every reply of a command, so that an error in any of them is seen; returns the script's outcome. */
    private long outcome(CacheCommand command, List<Response<?>> replies) {
        Object last = null;
        for (Response<?> reply : replies) {
            last = reply.get();
            if (last instanceof List<?> execReplies) {
                // EXEC hands back each command's reply, errors included, rather than failing as a whole
                for (Object execReply : execReplies) {
                    if (execReply instanceof JedisDataException error) {
                        throw error;
                    }
                }
            }
        }
        if (script != null && last instanceof Long code) {
            return code;
        }
        return command.kind() == CacheCommand.Kind.DELETE ? NewerWinsScript.DELETED : NewerWinsScript.WRITTEN;
    }
}
