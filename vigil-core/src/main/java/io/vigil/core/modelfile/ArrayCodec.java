package io.vigil.core.modelfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Primitive arrays as {"type", "length", "base64"} of their little-endian bytes: exact and compact. */
final class ArrayCodec {
    private ArrayCodec() {
    }

    static Map<String, Object> encode(Object array) {
        ByteBuffer buf;
        String type;
        int length;
        if (array instanceof double[] d) {
            type = "f64";
            length = d.length;
            buf = ByteBuffer.allocate(d.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            buf.asDoubleBuffer().put(d);
        } else if (array instanceof int[] i) {
            type = "i32";
            length = i.length;
            buf = ByteBuffer.allocate(i.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asIntBuffer().put(i);
        } else if (array instanceof long[] l) {
            type = "i64";
            length = l.length;
            buf = ByteBuffer.allocate(l.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            buf.asLongBuffer().put(l);
        } else {
            throw new IllegalArgumentException("not a primitive array: " + array);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("length", length);
        out.put("base64", Base64.getEncoder().encodeToString(buf.array()));
        return out;
    }

    static Object decode(String name, Map<?, ?> node) {
        Object type = node.get("type");
        Object length = node.get("length");
        Object data = node.get("base64");
        if (!(type instanceof String) || !(length instanceof Number) || !(data instanceof String)) {
            throw new ModelFormatException("array '" + name + "' needs type, length and base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode((String) data);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("array '" + name + "' is not valid base64", e);
        }
        int n = ((Number) length).intValue();
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int width = switch ((String) type) {
            case "f64", "i64" -> 8;
            case "i32" -> 4;
            default -> throw new ModelFormatException("array '" + name + "' has unknown type " + type);
        };
        if ((long) n * width != bytes.length) {
            throw new ModelFormatException("array '" + name + "' holds " + bytes.length + " bytes, expected "
                    + (long) n * width);
        }
        switch ((String) type) {
            case "f64" -> {
                double[] d = new double[n];
                buf.asDoubleBuffer().get(d);
                return d;
            }
            case "i64" -> {
                long[] l = new long[n];
                buf.asLongBuffer().get(l);
                return l;
            }
            default -> {
                int[] i = new int[n];
                buf.asIntBuffer().get(i);
                return i;
            }
        }
    }
}
