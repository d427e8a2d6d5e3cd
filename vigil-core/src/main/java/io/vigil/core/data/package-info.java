/** Tabular data: the dense {@link io.vigil.core.data.Matrix} every detector consumes and the CSV reader that fills it. */
package io.vigil.core.data;
