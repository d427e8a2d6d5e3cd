package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vigil.monitor.InvalidMonitorException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An email to {@code to}; subject and body are templates like the HTTP call's (defaults describe the monitor and
 * its run). The SMTP server comes from the mail settings, not from the monitor.
 */
public record EmailAction(List<String> to, String subject, String body) implements Action {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    public EmailAction {
        to = FieldRules.texts(to, "to");
        if (to.isEmpty()) {
            throw new InvalidMonitorException("to", "to needs at least one address");
        }
        for (int i = 0; i < to.size(); i++) {
            if (!ADDRESS.matcher(to.get(i)).matches()) {
                throw new InvalidMonitorException("to[" + i + "]", "'" + to.get(i) + "' is not an email address");
            }
        }
        FieldRules.maxLength(subject, "subject", 998);
        FieldRules.maxLength(body, "body", 65536);
    }

    @JsonIgnore
    @Override
    public String type() {
        return "email";
    }
}
