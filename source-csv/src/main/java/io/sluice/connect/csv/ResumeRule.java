package io.sluice.connect.csv;

import io.sluice.connect.common.format.ReadPosition;

/**
 * Decides where to read a newly seen file from, given its committed offset. The rules:
 * <ol>
 *   <li>No committed offset: read from the start. Because the partition includes the file's identity (its
 *       inode), a file replaced by a new one under the same name has no offset yet and is read from the start.</li>
 *   <li>An offset in the middle of the file: resume there. But when the file is now smaller than the committed
 *       position, it was truncated and rewritten: WARN and read from position 0. (For gzip files positions count
 *       uncompressed bytes and cannot be compared with the file size; a truncated gzip file fails to decompress
 *       and goes to {@code error.path}.)</li>
 *   <li>An end-of-file offset with {@code after.read=leave}: the file is done and not read again, even if it grew
 *       (files are immutable once complete); only if it shrank below the size it had at the end is it treated as
 *       rewritten: WARN and read from 0.</li>
 *   <li>An end-of-file offset with {@code after.read=delete|move}: the file should be gone. If it still has the
 *       size and modification time recorded at the end, the task stopped between the commit and the delete or move:
 *       finish it now. Otherwise it is a new file that reuses the identity of the finished one (inodes are
 *       recycled): read it from the start.</li>
 * </ol>
 */
final class ResumeRule {

    /** What to do with a file. */
    enum Action {
        /** Read it from {@link Decision#from()}. */
        READ,
        /** Nothing: it has been read. */
        SKIP,
        /** Delete or move it now: its end-of-file offset is committed. */
        FINISH
    }

    /**
     * @param action  what to do
     * @param from    where to read from, for {@link Action#READ}; else {@code null}
     * @param warning a message for a WARN log, or {@code null}
     */
    record Decision(Action action, ReadPosition from, String warning) {
    }

    private ResumeRule() {
    }

    /**
     * @param split      the file as the scan saw it
     * @param committed  its committed offset, or {@code null}
     * @param afterRead  the after.read mode
     * @param compressed whether the file is gzip (checked only for offsets in the middle of a file)
     * @return the decision
     */
    static Decision decide(FileSplit split, FileOffset committed, AfterRead afterRead, boolean compressed) {
        if (committed == null) {
            return new Decision(Action.READ, ReadPosition.START, null);
        }
        if (!committed.eof()) {
            if (!compressed && split.size() < committed.position()) {
                return rewritten(split, committed.position());
            }
            return new Decision(Action.READ, committed.readPosition(), null);
        }
        if (afterRead == AfterRead.LEAVE) {
            if (committed.size() >= 0 && split.size() < committed.size()) {
                return rewritten(split, committed.size());
            }
            return new Decision(Action.SKIP, null, null);
        }
        // An end-of-file offset without size or mtime was set by hand (alterOffsets): take it as this file.
        boolean sameFile = (committed.size() < 0 || split.size() == committed.size())
                && (committed.mtime() < 0 || committed.mtime() == split.lastModified());
        if (sameFile) {
            return new Decision(Action.FINISH, null, null);
        }
        return new Decision(Action.READ, ReadPosition.START, split + " has a committed end-of-file offset but is not "
                + "the file that was finished (size " + split.size() + " vs " + committed.size() + ", modified "
                + split.lastModified() + " vs " + committed.mtime() + "); reading it as a new file from the start");
    }

    private static Decision rewritten(FileSplit split, long committedBytes) {
        return new Decision(Action.READ, ReadPosition.START, split + " is now " + split.size() + " bytes, less than "
                + "the " + committedBytes + " bytes already read: it was truncated or rewritten, so it is read again "
                + "from the start");
    }
}
