package io.vigil.server.ui;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.workflow.InvalidWorkflowRequestException;
import io.vigil.workflow.NameTakenException;

/**
 * The UI forms' fields (monitor, dataset, detector, run, compare): a label, the control, help under it, and the error
 * of the field at fault next to it, in one markup so one stylesheet and one script serve every form.
 */
final class FormFields {
    /** Which field a rejected form's error belongs to, and the words to show there. */
    record Rejection(String field, String message) {
        static final Rejection NONE = new Rejection(null, null);

        static Rejection of(RuntimeException e) {
            if (e instanceof InvalidWorkflowRequestException w) {
                return new Rejection(topField(w.field()), w.getMessage());
            }
            if (e instanceof NameTakenException t) {
                return new Rejection(topField(t.field()), t.getMessage());
            }
            if (e instanceof InvalidMonitorException m) {
                return new Rejection(topField(m.field()), m.getMessage());
            }
            throw e;
        }

        boolean any() {
            return message != null;
        }
    }

    private FormFields() {
    }

    /** "parameters.trees" or "conditions[1].threshold" → the form field the error belongs next to. */
    static String topField(String path) {
        if (path == null) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                return path.substring(0, i);
            }
        }
        return path;
    }

    /** @param attributes extra attributes, already safe; {@code helpHtml} already escaped */
    static String input(String type, String field, String label, String value, Rejection r, String attributes,
                        String helpHtml) {
        return inputField(type, field, label, value, r, attributes, help(field, helpHtml, ""));
    }

    /**
     * A text field whose help htmx rewrites while the user types (the monitor form's name check and schedule
     * preview); {@code aria-live} has screen readers read out the new help.
     */
    static String liveInput(String field, String label, String value, Rejection r, String attributes,
                            String helpHtml) {
        return inputField("text", field, label, value, r, attributes, help(field, helpHtml, " aria-live=\"polite\""));
    }

    private static String inputField(String type, String field, String label, String value, Rejection r,
                                     String attributes, String helpDiv) {
        return "<div class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<input type=\"" + type + "\" id=\"" + field + "\" name=\"" + field + "\""
                + (value == null ? "" : " value=\"" + Html.escape(value) + "\"")
                + " aria-describedby=\"" + field + "-help " + field + "-error\" " + attributes.strip() + ">"
                + helpDiv + error(field, r) + "</div>";
    }

    private static String help(String field, String helpHtml, String attributes) {
        return "<div class=\"help\" id=\"" + field + "-help\"" + attributes + ">" + (helpHtml == null ? "" : helpHtml)
                + "</div>";
    }

    static String textarea(String field, String label, String value, int rows, Rejection r, String helpHtml) {
        return textarea(field, label, value, rows, r, "", field + "-help " + field + "-error",
                help(field, helpHtml, ""));
    }

    /**
     * A textarea for structured text (the monitor form's JSON) whose label says what goes in, so it has no help line;
     * {@code toolsHtml} (already safe, may be null) sits between the label and the text, e.g. "Add example" buttons.
     */
    static String editor(String field, String label, String value, int rows, Rejection r, String toolsHtml) {
        return textarea(field, label, value, rows, r, toolsHtml == null ? "" : toolsHtml, field + "-error", "");
    }

    private static String textarea(String field, String label, String value, int rows, Rejection r,
                                   String aboveHtml, String describedBy, String belowHtml) {
        return "<div class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>" + aboveHtml
                + "<textarea id=\"" + field + "\" name=\"" + field + "\" rows=\"" + rows + "\" spellcheck=\"false\""
                + " aria-describedby=\"" + describedBy + "\">" + Html.escape(value) + "</textarea>" + belowHtml
                + error(field, r) + "</div>";
    }

    /** @param optionsHtml the {@code <option>} elements, already escaped */
    static String select(String field, String label, String optionsHtml, Rejection r, String helpHtml) {
        return "<div class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<select id=\"" + field + "\" name=\"" + field + "\" aria-describedby=\"" + field + "-help "
                + field + "-error\">" + optionsHtml + "</select>"
                + "<div class=\"help\" id=\"" + field + "-help\">" + (helpHtml == null ? "" : helpHtml) + "</div>"
                + error(field, r) + "</div>";
    }

    static String option(String value, String label, boolean selected) {
        return "<option value=\"" + Html.escape(value) + "\"" + (selected ? " selected" : "") + ">"
                + Html.escape(label) + "</option>";
    }

    /** The error paragraph under a field: shown with the message when the rejection names it, else hidden. */
    static String error(String field, Rejection r) {
        boolean mine = field.equals(r.field());
        return "<p class=\"field-error\" id=\"" + field + "-error\"" + (mine ? " role=\"alert\">"
                + Html.escape(r.message()) : " hidden>") + "</p>";
    }

    /** The box above a rejected form, saying what was not done and why. */
    static String summary(String what, Rejection r) {
        return r.any() ? Html.errorBox(what + ": " + r.message()) : "";
    }
}
