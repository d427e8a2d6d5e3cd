package io.vigil.monitor.traffic;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attributes of one parsed record: keys and values in two arrays, in body order, immutable. The parser builds
 * one per record that has attributes, so {@link TrafficRecord} keeps it as it is instead of copying into a hash map,
 * and the store writes its JSON text by walking the arrays.
 */
final class ParsedAttributes extends AbstractMap<String, String> {
    private final String[] keys;
    private final String[] values;

    /** Takes the arrays as they are; the parser hands over fresh arrays without duplicate keys. */
    ParsedAttributes(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    String key(int i) {
        return keys[i];
    }

    String value(int i) {
        return values[i];
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
