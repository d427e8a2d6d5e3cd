/**
 * Monitor notifications: signed webhooks, templated HTTP calls and email (Angus Mail), retried with exponential
 * backoff; every attempt is recorded on the run.
 */
package io.vigil.monitor.action;
