/**
 * Monitor evaluation: SQL measurements over stored traffic (all user values bound as parameters) and the condition
 * arithmetic — thresholds with repeat counts, percentage change against a baseline of previous results, and
 * Bollinger bands (J. Bollinger, <i>Bollinger on Bollinger Bands</i>, McGraw-Hill 2001) around an exponential
 * moving average of previous results.
 */
package io.vigil.monitor.evaluate;
