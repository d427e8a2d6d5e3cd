package io.vigil.monitor.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.vigil.monitor.InvalidMonitorException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Quartz cron expression with seconds ({@code sec min hour day-of-month month day-of-week [year]}, one of the day
 * fields {@code ?}), parsed by cron-utils. Fire times are computed in UTC.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final ZoneId ZONE = ZoneOffset.UTC;

    private final String expression;
    private final Cron cron;
    private final ExecutionTime execution;

    private CronSchedule(String expression, Cron cron) {
        this.expression = expression;
        this.cron = cron;
        this.execution = ExecutionTime.forCron(cron);
    }

    /** Parses {@code expression}, rejecting it with the parser's reason under field {@code schedule}. */
    public static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidMonitorException("schedule", "schedule is required, e.g. '0 */5 * ? * *' for every 5 minutes");
        }
        try {
            Cron cron = PARSER.parse(expression.trim()).validate();
            return new CronSchedule(expression.trim(), cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidMonitorException("schedule", "schedule '" + expression + "' is not a Quartz cron expression: "
                    + e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }

    /** Plain-English description, e.g. "every 5 minutes". */
    public String describe() {
        return CronDescriptor.instance(Locale.UK).describe(cron);
    }

    /** The first fire time strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        return execution.nextExecution(ZonedDateTime.ofInstant(after, ZONE)).map(ZonedDateTime::toInstant);
    }

    /** The last fire time strictly before {@code before}. */
    public Optional<Instant> previousBefore(Instant before) {
        return execution.lastExecution(ZonedDateTime.ofInstant(before, ZONE)).map(ZonedDateTime::toInstant);
    }

    /** Up to {@code count} fire times after {@code after}. */
    public List<Instant> nextFires(Instant after, int count) {
        List<Instant> out = new ArrayList<>(count);
        Instant t = after;
        while (out.size() < count) {
            Optional<Instant> next = nextAfter(t);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
            t = next.get();
        }
        return out;
    }

    /** The expression, its description and the next three fire times after {@code now}. */
    public ScheduleDescription description(Instant now) {
        return new ScheduleDescription(expression, describe(), nextFires(now, 3));
    }
}
