package io.vigil.monitor.action;

import java.time.Instant;

/**
 * One try at delivering one action of a run.
 *
 * @param actionIndex position of the action in the monitor
 * @param actionType webhook / http / email
 * @param event triggered or recovered
 * @param attempt 1 for the first try
 * @param at when the try started
 * @param success whether it was delivered (2xx for HTTP, accepted by the SMTP server for email)
 * @param statusCode HTTP status when there was a response
 * @param message error or response summary
 */
public record ActionAttempt(int actionIndex, String actionType, NotificationEvent event, int attempt, Instant at,
                            boolean success, Integer statusCode, String message) {
}
