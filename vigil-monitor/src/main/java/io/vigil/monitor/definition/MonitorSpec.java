package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.schedule.CronSchedule;
import java.util.List;

/**
 * Everything a user defines about a monitor (the create and update request). Validation happens here, so a
 * {@code MonitorSpec} that exists is valid; each failure names its field.
 *
 * @param name unique (ignoring case), may not start with a space, at most 200 characters
 * @param description optional, at most 500 characters
 * @param environment the traffic environment analysed
 * @param status active (default) or passive
 * @param schedule Quartz cron expression with seconds, e.g. {@code 0 *&#47;5 * ? * *}
 * @param query which traffic to analyse (required; {@code {}} selects all traffic of the environment)
 * @param filter optional narrowing and time range
 * @param conditions at least one
 * @param actions notifications on MET (and recovery)
 * @param notifyRecovery whether actions also fire when the monitor returns to NOT_MET (default true)
 * @param noData what a condition is when no traffic matched: error (default), met or not_met
 */
public record MonitorSpec(String name, String description, String environment, MonitorStatus status,
                          String schedule, TrafficQuery query, TrafficFilter filter, List<Condition> conditions,
                          List<Action> actions, Boolean notifyRecovery, NoDataState noData) {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 500;

    public MonitorSpec {
        FieldRules.requiredText(name, "name", MAX_NAME);
        if (Character.isWhitespace(name.charAt(0))) {
            throw new InvalidMonitorException("name", "name may not start with a space");
        }
        FieldRules.maxLength(description, "description", MAX_DESCRIPTION);
        FieldRules.requiredText(environment, "environment", 200);
        status = status == null ? MonitorStatus.ACTIVE : status;
        FieldRules.required(schedule, "schedule");
        CronSchedule.parse(schedule);
        FieldRules.required(query, "query");
        filter = filter == null ? TrafficFilter.NONE : filter;
        conditions = FieldRules.list(conditions, "conditions");
        if (conditions.isEmpty()) {
            throw new InvalidMonitorException("conditions", "at least one condition is required");
        }
        if (conditions.size() > 20) {
            throw new InvalidMonitorException("conditions", "at most 20 conditions");
        }
        actions = FieldRules.list(actions, "actions");
        if (actions.size() > 20) {
            throw new InvalidMonitorException("actions", "at most 20 actions");
        }
        notifyRecovery = notifyRecovery == null ? Boolean.TRUE : notifyRecovery;
        noData = noData == null ? NoDataState.ERROR : noData;
    }

    /** This spec with another status (the list page's toggle). */
    public MonitorSpec withStatus(MonitorStatus newStatus) {
        return new MonitorSpec(name, description, environment, newStatus, schedule, query, filter, conditions,
                actions, notifyRecovery, noData);
    }
}
