package io.vigil.core.data;

import java.util.Arrays;

/** Grows one column's values without boxing numbers. */
final class ColumnBuilder {
    private final boolean numeric;
    private double[] numbers;
    private Object[] texts;
    private int size;

    int size() {
        return size;
    }

    ColumnBuilder(boolean numeric) {
        this.numeric = numeric;
        if (numeric) {
            numbers = new double[1024];
        } else {
            texts = new Object[1024];
        }
    }

    void add(double v) {
        if (size == numbers.length) {
            numbers = Arrays.copyOf(numbers, size * 2);
        }
        numbers[size++] = v;
    }

    void add(String s) {
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
        }
        texts[size++] = s;
    }

    void addAll(ColumnBuilder other) {
        if (numeric) {
            if (size + other.size > numbers.length) {
                numbers = Arrays.copyOf(numbers, size + other.size);
            }
            System.arraycopy(other.numbers, 0, numbers, size, other.size);
        } else {
            if (size + other.size > texts.length) {
                texts = Arrays.copyOf(texts, size + other.size);
            }
            System.arraycopy(other.texts, 0, texts, size, other.size);
        }
        size += other.size;
    }

    Column build(String name) {
        return numeric ? new Column.Numeric(name, Arrays.copyOf(numbers, size))
                : new Column.Values(name, Arrays.copyOf(texts, size));
    }
}
