package io.vigil.core.loggroup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A set of 64-bit fingerprints of identifier strings (keys, IPs, countries): the history a group model compares new
 * requests with. Open addressing with linear probing over a primitive array, so a lookup costs a hash and a probe or
 * two and no boxing. 0 stands for "no value" and is never stored. Immutable once built; safe to read from many
 * threads.
 */
final class FingerprintSet {
    private static final long EMPTY = 0L;
    private final long[] slots;
    private final int mask;
    private final int size;

    private FingerprintSet(long[] distinct) {
        int capacity = Integer.highestOneBit(Math.max(4, distinct.length * 2 - 1)) << 1;
        this.slots = new long[capacity];
        this.mask = capacity - 1;
        int n = 0;
        for (long f : distinct) {
            if (f != EMPTY && insert(f)) {
                n++;
            }
        }
        this.size = n;
    }

    static FingerprintSet of(long[] fingerprints) {
        return new FingerprintSet(fingerprints);
    }

    /**
     * 64-bit FNV-1a over the string's UTF-16 code units, finished with the MurmurHash3 mixer; fixed across JVMs, so
     * saved sets stay valid. Null and empty strings give 0 (no value).
     */
    static long fingerprint(String s) {
        if (s == null || s.isEmpty()) {
            return EMPTY;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1L : h;
    }

    private boolean insert(long f) {
        int i = slot(f);
        while (slots[i] != EMPTY) {
            if (slots[i] == f) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = f;
        return true;
    }

    private int slot(long f) {
        return (int) (f ^ (f >>> 32)) & mask;
    }

    boolean contains(long f) {
        if (f == EMPTY) {
            return false;
        }
        int i = slot(f);
        long s;
        while ((s = slots[i]) != EMPTY) {
            if (s == f) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    /** The fingerprints, ascending: the stored form, independent of the table layout. */
    long[] sorted() {
        long[] out = new long[size];
        int n = 0;
        for (long s : slots) {
            if (s != EMPTY) {
                out[n++] = s;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Unpadded base64 of the sorted fingerprints, 8 big-endian bytes each. */
    String encode() {
        long[] values = sorted();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long v : values) {
            buffer.putLong(v);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static FingerprintSet decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
        if (bytes.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("a fingerprint set must be a multiple of 8 bytes, got "
                    + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] values = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getLong();
        }
        return new FingerprintSet(values);
    }
}
