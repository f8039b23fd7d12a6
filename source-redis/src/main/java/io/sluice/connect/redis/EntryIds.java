package io.sluice.connect.redis;

import redis.clients.jedis.StreamEntryID;

/** Parsing and ordering of stream entry ids ({@code <ms>-<seq>}). */
final class EntryIds {

    /** The id before every entry. */
    static final StreamEntryID ZERO = new StreamEntryID(0, 0);

    private EntryIds() {
    }

    /**
     * @param text {@code <ms>-<seq>} or {@code <ms>} (sequence 0)
     * @return the id
     * @throws IllegalArgumentException when the text is not an entry id
     */
    static StreamEntryID parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no entry id");
        }
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        try {
            long ms = Long.parseUnsignedLong(dash < 0 ? trimmed : trimmed.substring(0, dash));
            long seq = dash < 0 ? 0 : Long.parseUnsignedLong(trimmed.substring(dash + 1));
            return new StreamEntryID(ms, seq);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a stream entry id (<ms>-<seq>)", e);
        }
    }
}
