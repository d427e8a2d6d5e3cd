package io.vigil.workflow;

/**
 * How far a run has got.
 *
 * @param phase     {@code queued}, {@code loading}, {@code fitting}, {@code scoring}, {@code evaluating},
 *                  {@code explaining} (the flagged rows' top features), {@code writing} or {@code done}
 * @param rowsDone  rows read so far while loading, rows scored so far from scoring on, flagged rows explained
 *                  so far while explaining
 * @param rowsTotal rows in the dataset (0 until it is loaded); while explaining, the flagged rows to explain
 * @param percent   0 to 100 over the whole run
 */
public record RunProgress(String phase, long rowsDone, long rowsTotal, double percent) {
    static final RunProgress QUEUED = new RunProgress("queued", 0, 0, 0);
}
