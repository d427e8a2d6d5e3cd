/**
 * Random number generators that reproduce other systems' streams exactly, so that a seed means the same thing in
 * Vigil as in the reference implementation: {@link io.vigil.core.random.Mt19937} is NumPy's legacy
 * {@code RandomState}.
 */
package io.vigil.core.random;
