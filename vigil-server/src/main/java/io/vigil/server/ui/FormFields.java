package io.vigil.server.ui;

import io.vigil.workflow.InvalidWorkflowRequestException;
import io.vigil.workflow.NameTakenException;

/**
 * The workflow forms' fields: a label, the control, help under it, and the error of the field at fault next to it
 * (the same markup as the monitor form, so one stylesheet and one script serve both).
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
            throw e;
        }

        boolean any() {
            return message != null;
        }
    }

    private FormFields() {
    }

    /** "parameters.trees" → "parameters": the form field the error belongs next to. */
    static String topField(String path) {
        if (path == null) {
            return null;
        }
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** @param attributes extra attributes, already safe; {@code helpHtml} already escaped */
    static String input(String type, String field, String label, String value, Rejection r, String attributes,
                        String helpHtml) {
        return "<div class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<input type=\"" + type + "\" id=\"" + field + "\" name=\"" + field + "\""
                + (value == null ? "" : " value=\"" + Html.escape(value) + "\"")
                + " aria-describedby=\"" + field + "-help " + field + "-error\" " + attributes.strip() + ">"
                + "<div class=\"help\" id=\"" + field + "-help\">" + (helpHtml == null ? "" : helpHtml) + "</div>"
                + error(field, r) + "</div>";
    }

    static String textarea(String field, String label, String value, int rows, Rejection r, String helpHtml) {
        return "<div class=\"field\"><label for=\"" + field + "\">" + Html.escape(label) + "</label>"
                + "<textarea id=\"" + field + "\" name=\"" + field + "\" rows=\"" + rows + "\" spellcheck=\"false\""
                + " aria-describedby=\"" + field + "-help " + field + "-error\">" + Html.escape(value) + "</textarea>"
                + "<div class=\"help\" id=\"" + field + "-help\">" + (helpHtml == null ? "" : helpHtml) + "</div>"
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
