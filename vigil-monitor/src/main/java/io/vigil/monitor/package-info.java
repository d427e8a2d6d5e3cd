/**
 * Traffic monitors: the gateway anomaly-detector feature. Traffic is ingested into an embedded DuckDB file
 * ({@link io.vigil.monitor.traffic}); monitors ({@link io.vigil.monitor.definition}) select traffic with a query and
 * filter, and on a Quartz cron schedule ({@link io.vigil.monitor.schedule}) evaluate metric, rate, EMA/Bollinger and
 * query/filter-ratio conditions ({@link io.vigil.monitor.evaluate}), store every run ({@link io.vigil.monitor.run})
 * and notify once per incident through webhooks, HTTP calls and email ({@link io.vigil.monitor.action}).
 *
 * <p>The EMA condition follows Bollinger's bands (J. Bollinger, <i>Bollinger on Bollinger Bands</i>, 2001) with
 * an exponential rather than simple moving average as the centre line.
 */
package io.vigil.monitor;
