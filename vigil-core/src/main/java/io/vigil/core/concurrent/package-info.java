/** Parallel loops over index ranges, with the thread count as an explicit setting so results can be checked across counts. */
package io.vigil.core.concurrent;
