/** Quartz cron schedules (parsed and described by cron-utils) and the clock-driven scheduler that fires monitors. */
package io.vigil.monitor.schedule;
