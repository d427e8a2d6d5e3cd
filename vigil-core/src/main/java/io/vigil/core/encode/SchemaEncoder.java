package io.vigil.core.encode;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns rows of named fields into the matrix detectors read, with every choice (medians, categories, counts)
 * learned once at fit time and stored with the model so scoring encodes exactly like training. Immutable and
 * thread-safe.
 *
 * <p>Missing means null, absent from the row (or the whole field absent from the table), NaN, or an empty or
 * blank string. Categorical types compare values by string form: strings verbatim, booleans as "true"/"false",
 * numbers so that 3, 3L and 3.0 all read "3" (non-integral numbers as {@link Double#toString}). Each field type
 * writes, in schema order:
 * <dl>
 * <dt>numeric (1 column)</dt>
 * <dd>The number: a Number as is, a numeric string parsed (plain or exponent notation, Infinity, NaN), a boolean
 * as 1/0. Missing takes the median of the non-missing training values (0 when training had none). Any other
 * value, at fit or at encode time, is refused with an {@link InvalidSchemaException} whose param is
 * {@code data[row].field}.</dd>
 * <dt>hash (1 column)</dt>
 * <dd>The feature-hashing bucket of the string form: MD5 of its UTF-8 bytes, the first 8 bytes as an unsigned
 * big-endian integer, modulo {@link #HASH_BUCKETS}. Unseen values simply hash; missing gives -1.</dd>
 * <dt>label (1 column)</dt>
 * <dd>The index of the value among the distinct training values sorted by string form (0..k-1); unseen or
 * missing gives -1.</dd>
 * <dt>onehot (one column per kept category, named {@code field=value})</dt>
 * <dd>1.0 in the value's column, 0 elsewhere. Kept categories are the {@link #ONEHOT_MAX_CATEGORIES} most frequent
 * training values (ties broken by string order), ordered by string form; values beyond the cap, unseen and
 * missing values give all zeros.</dd>
 * <dt>binary (1 column)</dt>
 * <dd>1 for true/yes/y/1/on/t and 0 for false/no/n/0/off/f (case-insensitive), booleans as themselves, numbers
 * nonzero → 1 and zero → 0. Missing or unrecognised gives 0.5: an unknown answer sits halfway, no nearer to
 * either.</dd>
 * <dt>frequency (1 column)</dt>
 * <dd>The share of training rows having the value, missing counting as a value of its own; unseen gives 0.0.</dd>
 * </dl>
 * Encoding looks columns up by name: a schema field absent from the table is missing on every row and columns
 * outside the schema are ignored. Nothing but a non-numeric value in a numeric field makes encoding fail.
 */
public final class SchemaEncoder {
    public static final long HASH_BUCKETS = HashField.BUCKETS;
    public static final int ONEHOT_MAX_CATEGORIES = OneHotField.MAX_CATEGORIES;
    static final int STATE_VERSION = 1;

    private final Schema schema;
    private final FieldEncoder[] fields;
    private final int[] offsets;
    private final int features;
    private final List<String> featureNames;

    private SchemaEncoder(List<FieldEncoder> fields) {
        this.fields = fields.toArray(new FieldEncoder[0]);
        this.offsets = new int[this.fields.length];
        LinkedHashMap<String, FieldType> types = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        int width = 0;
        for (int f = 0; f < this.fields.length; f++) {
            offsets[f] = width;
            width += this.fields[f].width();
            names.addAll(this.fields[f].featureNames());
            types.put(this.fields[f].name(), this.fields[f].type());
        }
        this.features = width;
        this.featureNames = List.copyOf(names);
        this.schema = new Schema(types);
    }

    /**
     * Learns an encoder from training data. With a schema, exactly its fields are encoded, in its order, and other
     * columns are ignored; without one (null), every column is encoded with the type {@link #infer} picks.
     *
     * @throws InvalidSchemaException when a schema field is not in the table (param {@code schema.field}), the
     *                                schema has no fields or the table no rows (param {@code schema} /
     *                                {@code data}), or a numeric field holds a non-number
     */
    public static SchemaEncoder fit(Table table, Schema schemaOrNull) {
        Objects.requireNonNull(table, "table");
        Schema schema = schemaOrNull == null ? infer(table) : schemaOrNull;
        if (schema.fields().isEmpty()) {
            throw new InvalidSchemaException("schema", schemaOrNull == null
                    ? "the data has no columns to encode" : "the schema has no fields");
        }
        if (table.rows() == 0) {
            throw new InvalidSchemaException("data", "cannot learn an encoding from data with no rows");
        }
        List<Map.Entry<String, FieldType>> specs = new ArrayList<>(schema.fields().entrySet());
        Column[] columns = new Column[specs.size()];
        for (int k = 0; k < columns.length; k++) {
            String name = specs.get(k).getKey();
            columns[k] = table.column(name);
            if (columns[k] == null) {
                throw new InvalidSchemaException("schema." + name, "schema field \"" + name
                        + "\" is not in the data; its columns are " + table.names());
            }
        }
        // Fields learn independently (a numeric one finds its column's median), so they learn in parallel; the
        // first failure in field order is the one reported, whatever the thread count.
        FieldEncoder[] fitted = new FieldEncoder[columns.length];
        RuntimeException[] failures = new RuntimeException[columns.length];
        ParallelLoop.run(ParallelLoop.defaultThreads(), columns.length, k -> {
            try {
                fitted[k] = FieldEncoder.fit(specs.get(k).getKey(), specs.get(k).getValue(), columns[k]);
            } catch (RuntimeException e) {
                failures[k] = e;
            }
        });
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        List<FieldEncoder> fields = List.of(fitted);
        return new SchemaEncoder(fields);
    }

    /**
     * A type for every column, in table order: numeric columns are NUMERIC; a value column whose present values
     * are all booleans or the strings true/false/yes/no (any case) is BINARY; one whose present values are all
     * numbers or numeric strings is NUMERIC; otherwise, with at most 20 distinct values that are also at most half
     * of its non-missing rows (so values actually repeat), LABEL; else HASH. A column with no present value is
     * NUMERIC (it encodes as 0).
     */
    public static Schema infer(Table table) {
        LinkedHashMap<String, FieldType> types = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            types.put(c.name(), TypeInference.infer(c));
        }
        return new Schema(types);
    }

    /** The fields and types this encoder writes, in output order. */
    public Schema schema() {
        return schema;
    }

    /** One name per output column: the field name, or {@code field=value} for a onehot column. */
    public List<String> featureNames() {
        return featureNames;
    }

    public int features() {
        return features;
    }

    /** Encodes every row of the table; see the class documentation for what each type writes. */
    public Matrix encode(Table table) {
        Objects.requireNonNull(table, "table");
        int rows = table.rows();
        double[] out = new double[Math.multiplyExact(rows, features)];
        for (int f = 0; f < fields.length; f++) {
            fields[f].encode(table.column(fields[f].name()), rows, out, features, offsets[f]);
        }
        return new Matrix(out, rows, features);
    }

    /**
     * Everything learned, as JSON-compatible maps, lists, strings and numbers:
     * {@code {"version": 1, "fields": [{"name": ..., "type": ..., <learned values>}, ...]}}.
     */
    public Map<String, Object> state() {
        List<Object> list = new ArrayList<>(fields.length);
        for (FieldEncoder f : fields) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", f.name());
            s.put("type", f.type().jsonName());
            s.putAll(f.state());
            list.add(Collections.unmodifiableMap(s));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", STATE_VERSION);
        state.put("fields", List.copyOf(list));
        return Collections.unmodifiableMap(state);
    }

    /**
     * Restores an encoder from {@link #state()}, also after a JSON round trip.
     *
     * @throws InvalidSchemaException for an unknown version (param {@code state.version}) or a malformed state,
     *                                naming the offending entry
     */
    public static SchemaEncoder fromState(Map<String, Object> state) {
        EncoderState root = EncoderState.of(state, "state");
        Object version = state.get("version");
        if (!(version instanceof Number n) || n.doubleValue() != STATE_VERSION) {
            throw new InvalidSchemaException("state.version", "unsupported schema encoder state version "
                    + version + "; this version of Vigil reads version " + STATE_VERSION);
        }
        List<?> list = root.list("fields");
        if (list.isEmpty()) {
            throw EncoderState.invalid("state.fields", "must list at least one field");
        }
        List<FieldEncoder> fields = new ArrayList<>(list.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            EncoderState field = EncoderState.of(list.get(i), "state.fields[" + i + "]");
            String name = field.string("name");
            if (!names.add(name)) {
                throw EncoderState.invalid(field.path() + ".name", "repeats field \"" + name + "\"");
            }
            FieldType type;
            try {
                type = FieldType.parse(field.string("type"));
            } catch (InvalidSchemaException e) {
                throw new InvalidSchemaException(field.path() + ".type", e.getMessage());
            }
            fields.add(FieldEncoder.fromState(name, type, field));
        }
        return new SchemaEncoder(fields);
    }
}
