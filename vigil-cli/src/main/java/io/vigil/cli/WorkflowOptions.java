package io.vigil.cli;

/** Names the command-line option behind a workflow request field, so errors point at what to change. */
final class WorkflowOptions {
    private WorkflowOptions() {
    }

    /** {@code parameters.trees} is {@code --param trees}, {@code file} the FILE argument, others {@code --field}. */
    static String option(String field) {
        if (field == null) {
            return "input";
        }
        if (field.startsWith("parameters.")) {
            return "--param " + field.substring("parameters.".length());
        }
        if (field.equals("file")) {
            return "FILE";
        }
        return "--" + field.replace('_', '-');
    }
}
