package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hashing trick (Weinberger et al., ICML 2009) with one bucket per field: MD5 of the UTF-8 string form, the
 * first 8 digest bytes read as an unsigned big-endian integer, modulo the bucket count. MD5 rather than
 * {@link String#hashCode()} so buckets are the same in every language that reads the model file.
 */
record HashField(String name, long buckets) implements FieldEncoder {
    static final long BUCKETS = 1L << 20;

    static HashField fromState(String name, EncoderState state) {
        long buckets = state.whole("buckets");
        if (buckets < 1) {
            throw EncoderState.invalid(state.path() + ".buckets", "must be at least 1");
        }
        return new HashField(name, buckets);
    }

    /** The bucket of one string; a new digest per caller keeps the encoder thread-safe. */
    static long bucket(MessageDigest md5, String text, long buckets) {
        byte[] d = md5.digest(text.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xFF);
        }
        return Long.remainderUnsigned(v, buckets);
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    @Override
    public FieldType type() {
        return FieldType.HASH;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public List<String> featureNames() {
        return List.of(name);
    }

    @Override
    public void encode(Column column, int rows, double[] out, int stride, int offset) {
        MessageDigest md5 = md5();
        for (int i = 0, p = offset; i < rows; i++, p += stride) {
            String key = column == null ? null : Cells.key(column, i);
            out[p] = key == null ? -1.0 : (double) bucket(md5, key, buckets);
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("buckets", buckets);
        return s;
    }
}
