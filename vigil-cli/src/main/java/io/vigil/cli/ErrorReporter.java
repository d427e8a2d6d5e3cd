package io.vigil.cli;

import io.vigil.core.data.DataFormatException;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.encode.InvalidSchemaException;
import io.vigil.core.modelfile.ModelFormatException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for input the user can fix, 1 for internal errors.
 * Stack traces only with VIGIL_DEBUG=1.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        if ("1".equals(System.getenv("VIGIL_DEBUG"))) {
            e.printStackTrace(err);
        }
        String message;
        int code = BAD_INPUT;
        if (e instanceof io.vigil.workflow.InvalidWorkflowRequestException w) {
            message = WorkflowOptions.option(w.field()) + ": " + w.getMessage();
        } else if (e instanceof io.vigil.workflow.WorkflowNotFoundException
                || e instanceof io.vigil.workflow.NameTakenException
                || e instanceof io.vigil.workflow.RunNotFinishedException) {
            message = e.getMessage();
        } else if (e instanceof DataFormatException d) {
            message = d.toString();
        } else if (e instanceof InvalidParameterException p) {
            // Most messages already name the parameter ("trees must be a number"): no second copy in front.
            String m = p.getMessage();
            boolean named = p.parameter() == null || m.startsWith(p.parameter() + " ")
                    || m.contains("'" + p.parameter() + "'");
            message = named ? m : p.parameter() + ": " + m;
        } else if (e instanceof RequestRejectedException r) {
            message = r.line();
            code = r.status() >= 500 ? INTERNAL : BAD_INPUT;
        } else if (e instanceof ServerUnreachableException) {
            message = e.getMessage();
        } else if (e instanceof InvalidSchemaException
                || e instanceof UserInputException
                || e instanceof ModelFormatException
                || e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else if (e instanceof java.io.IOException) {
            message = "I/O error: " + e.getMessage();
        } else {
            code = INTERNAL;
            message = "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                    + "; run with VIGIL_DEBUG=1 for details and report it";
        }
        err.println("vigil: " + message);
        err.flush();
        return code;
    }
}
