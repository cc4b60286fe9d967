package dev.redline.core.layout;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File contents the detector already read (to look for goose and dbmate markers), handed on so the loader does not
 * read the same files again. Bounded in total size; what does not fit is simply read again later.
 */
public final class ReadAhead {

    /** Nothing read ahead: the loader reads every file itself. */
    public static final ReadAhead NONE = new ReadAhead(0);

    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final ConcurrentHashMap<Path, byte[]> contents = new ConcurrentHashMap<>();

    ReadAhead(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    static ReadAhead withCapacity(long capacityBytes) {
        return new ReadAhead(capacityBytes);
    }

    void offer(Path file, byte[] wholeFile) {
        if (used.addAndGet(wholeFile.length) <= capacity) {
            contents.put(file, wholeFile);
        } else {
            used.addAndGet(-wholeFile.length);
        }
    }

    /**
     * The file's bytes as the detector read them, or {@code null}. They are handed out once: a second load of the
     * same file (the down part of a goose file) reads it again, and the bytes do not outlive their use.
     */
    byte[] take(Path file) {
        byte[] bytes = contents.remove(file);
        if (bytes != null) {
            used.addAndGet(-bytes.length);
        }
        return bytes;
    }
}
