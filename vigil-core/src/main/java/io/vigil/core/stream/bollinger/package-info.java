/**
 * Bollinger bands on a stream (J. Bollinger, "Bollinger on Bollinger Bands", McGraw-Hill 2001) around an
 * exponential moving average with the usual smoothing 2 / (N + 1): a point is anomalous when it leaves the band of
 * k standard deviations of the last N points.
 */
package io.vigil.core.stream.bollinger;
