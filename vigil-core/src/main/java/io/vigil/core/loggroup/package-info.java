/**
 * Log-group anomalies: anomalous stretches of a licence server's request log, found the way the licensing vendor's
 * anomaly module finds them (its documentation: groups of 25 consecutive Web API log entries described by time,
 * success, IP, key, product, state, machine code and country, with IP, key, product and machine code anonymised
 * before training) and scored by any Vigil detector. {@link io.vigil.core.loggroup.LogGroupModel} is the model,
 * {@link io.vigil.core.loggroup.Pseudonymiser} the keyed HMAC that anonymises entries,
 * {@link io.vigil.core.loggroup.LicenceTrafficGenerator} seeded traffic with planted incidents.
 *
 * <p>The features follow the usual signals of licence abuse: concentrated failures (a customer who cannot
 * verify), one key across many countries and machines (a shared or stolen key), many keys never seen before
 * (key guessing), with entropy of the outcome codes (C. E. Shannon, "A Mathematical Theory of Communication",
 * 1948) and a cyclic hour of day. The default detector, {@code auto}, is documented in
 * {@link io.vigil.core.ensemble.AutoEnsemble}.
 */
package io.vigil.core.loggroup;
