package io.vigil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.HttpResponseException;
import io.vigil.core.data.DataFormatException;
import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.detect.UnknownDetectorException;
import io.vigil.core.encode.InvalidSchemaException;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.modelfile.ModelFormatException;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.MonitorNameTakenException;
import io.vigil.monitor.MonitorNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place an exception becomes an HTTP status and the body {@code {"error": {"message", "type", "param"}}}.
 * Input the caller can fix is 4xx with a message saying what to fix; anything else is 500 and logged.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** A mapped error. */
    public record ApiError(int status, String type, String message, String param) {
        public Map<String, Object> body() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("type", type);
            error.put("param", param);
            return Map.of("error", error);
        }
    }

    private ErrorMapper() {
    }

    public static ApiError map(Throwable e) {
        if (e instanceof ApiException a) {
            return new ApiError(a.status(), a.type(), a.getMessage(), a.param());
        }
        if (e instanceof MonitorNameTakenException t) {
            return new ApiError(409, "conflict_error", t.getMessage(), t.field());
        }
        if (e instanceof InvalidMonitorException m) {
            return invalid(m.getMessage(), m.field());
        }
        if (e instanceof MonitorNotFoundException n) {
            return new ApiError(404, "not_found_error", n.getMessage(), null);
        }
        if (e instanceof io.vigil.workflow.InvalidWorkflowRequestException w) {
            return invalid(w.getMessage(), w.field());
        }
        if (e instanceof io.vigil.workflow.WorkflowNotFoundException n) {
            return new ApiError(404, "not_found_error", n.getMessage(), null);
        }
        if (e instanceof io.vigil.workflow.NameTakenException t) {
            return new ApiError(409, "conflict_error", t.getMessage(), t.field());
        }
        if (e instanceof io.vigil.workflow.RunNotFinishedException r) {
            return new ApiError(409, "conflict_error", r.getMessage(), null);
        }
        if (e instanceof InvalidSchemaException s) {
            return invalid(s.getMessage(), s.param());
        }
        if (e instanceof InvalidParameterException p) {
            return invalid(p.getMessage(), p.parameter());
        }
        if (e instanceof UnknownDetectorException u) {
            return invalid(u.getMessage(), "backend");
        }
        if (e instanceof DataFormatException d) {
            return invalid(d.toString(), "data");
        }
        if (e instanceof ModelFormatException m) {
            LOG.warn("unreadable model file: {}", m.getMessage());
            return new ApiError(500, "model_file_error", m.getMessage() + "; save the model again or delete the file",
                    null);
        }
        if (e instanceof HttpResponseException h) {
            int status = h.getStatus();
            return new ApiError(status, status == 404 ? "not_found_error" : status == 413 ? "request_too_large"
                    : status < 500 ? "invalid_request_error" : "server_error", h.getMessage(), null);
        }
        if (e instanceof JsonProcessingException j) {
            return invalid("malformed JSON: " + JsonSyntax.messageWithLocation(j), null);
        }
        if (e instanceof IllegalArgumentException i) {
            // Core code signals rows it cannot use (too few, degenerate) with plain IllegalArgumentException.
            return invalid(i.getMessage(), null);
        }
        LOG.error("internal error", e);
        return new ApiError(500, "server_error", "internal error (" + e.getClass().getSimpleName() + "): "
                + e.getMessage(), null);
    }

    private static ApiError invalid(String message, String param) {
        return new ApiError(400, "invalid_request_error", message, param);
    }
}
