package io.vigil.monitor.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.definition.Action;
import io.vigil.monitor.definition.EmailAction;
import io.vigil.monitor.definition.HttpCallAction;
import io.vigil.monitor.definition.WebhookAction;
import io.vigil.monitor.run.MonitorRun;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Delivers a run's notifications: webhook, HTTP call and email, each retried with exponential backoff. Every
 * attempt is returned so the run can store and show it. Sends happen on the calling thread; waits go through the
 * {@link Sleeper}, so tests run without sleeping.
 */
public final class ActionDispatcher {
    private static final String DEFAULT_SUBJECT = "[Vigil] {{monitor.name}} {{event}}: {{run.result}}";
    private static final String DEFAULT_BODY = """
            Monitor {{monitor.name}} ({{monitor.environment}}) {{event}} at {{run.fired_at}}.
            Result: {{run.result}}
            Window: {{run.window_from}} to {{run.window_to}}

            {{conditions}}""";

    private final HttpClient http;
    private final MailSettings mail;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code mail} may be null when no SMTP server is configured; email actions then fail with that reason. */
    public ActionDispatcher(HttpClient http, MailSettings mail, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.mail = mail;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends every action of the monitor for {@code event}; returns all attempts in order. */
    public List<ActionAttempt> dispatch(Monitor monitor, MonitorRun run, NotificationEvent event) {
        return send(monitor, run, event, null, retry.maxAttempts());
    }

    /**
     * Sends a test notification ({@link NotificationEvent#TEST}) built from {@code run}: every action, or only the one
     * at {@code actionIndex}, tried once and never retried, so the answer comes back while the user waits.
     */
    public List<ActionAttempt> test(Monitor monitor, MonitorRun run, Integer actionIndex) {
        return send(monitor, run, NotificationEvent.TEST, actionIndex, 1);
    }

    private List<ActionAttempt> send(Monitor monitor, MonitorRun run, NotificationEvent event, Integer only,
                                     int maxAttempts) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(NotificationPayload.body(monitor, run, event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise notification", e);
        }
        Map<String, String> values = NotificationPayload.placeholders(monitor, run, event,
                new String(body, StandardCharsets.UTF_8));
        List<ActionAttempt> attempts = new ArrayList<>();
        List<Action> actions = monitor.spec().actions();
        for (int i = 0; i < actions.size(); i++) {
            if (only == null || only == i) {
                deliver(i, actions.get(i), event, body, values, maxAttempts, attempts);
            }
        }
        return attempts;
    }

    private void deliver(int index, Action action, NotificationEvent event, byte[] body, Map<String, String> values,
                         int maxAttempts, List<ActionAttempt> attempts) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Instant at = clock.instant();
            Outcome o = send(action, body, values);
            attempts.add(new ActionAttempt(index, action.type(), event, attempt, at, o.success, o.status, o.message));
            if (o.success || !o.retryable || attempt == maxAttempts) {
                return;
            }
            try {
                sleeper.sleep(retry.delayAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A try's result; configuration errors and 4xx answers (but 408 and 429) are not worth repeating. */
    private record Outcome(boolean success, Integer status, String message, boolean retryable) {
        Outcome(boolean success, Integer status, String message) {
            this(success, status, message, true);
        }
    }

    private Outcome send(Action action, byte[] body, Map<String, String> values) {
        try {
            if (action instanceof WebhookAction w) {
                HttpRequest.Builder b = request(w.url(), w.headers()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                if (w.secret() != null && !w.secret().isEmpty()) {
                    b.header(WebhookSignature.HEADER, WebhookSignature.sign(w.secret(), body));
                }
                return http(b.build());
            }
            if (action instanceof HttpCallAction h) {
                String rendered = MessageTemplate.render(h.body(), values);
                HttpRequest.BodyPublisher publisher = rendered == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rendered, StandardCharsets.UTF_8);
                HttpRequest.Builder b = request(h.url(), Map.of());
                for (Map.Entry<String, String> e : h.headers().entrySet()) {
                    b.setHeader(e.getKey(), MessageTemplate.render(e.getValue(), values));
                }
                return http(b.method(h.method(), publisher).build());
            }
            return email((EmailAction) action, values);
        } catch (RuntimeException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", "Vigil-Monitor");
        headers.forEach(b::setHeader);
        return b;
    }

    private Outcome http(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = r.body() == null ? "" : r.body();
            String summary = "HTTP " + r.statusCode() + (text.isEmpty() ? "" : ": " + truncate(text, 200));
            int code = r.statusCode();
            boolean retryable = code / 100 != 4 || code == 408 || code == 429;
            return new Outcome(code / 100 == 2, code, summary, retryable);
        } catch (IOException e) {
            return new Outcome(false, null, failure(request, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    /**
     * Why a request got no answer, in words: the JDK client's ConnectException carries no message at all, so
     * "ConnectException: null" told an operator nothing about which receiver to check.
     */
    static String failure(HttpRequest request, IOException e) {
        String where = request.uri().getHost() + (request.uri().getPort() < 0 ? "" : ":" + request.uri().getPort());
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection to " + where + " within the connect timeout";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer from " + where + " within " + request.timeout().map(Duration::toSeconds).orElse(0L)
                    + " s";
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + where + " (connection refused or unreachable)";
        }
        Throwable cause = e.getMessage() == null && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private Outcome email(EmailAction action, Map<String, String> values) {
        if (mail == null) {
            return new Outcome(false, null, "no SMTP server is configured for email actions", false);
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", mail.host());
        p.put("mail.smtp.port", Integer.toString(mail.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        boolean auth = mail.username() != null && !mail.username().isEmpty();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        if (mail.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(new InternetAddress(mail.from()));
            for (String to : action.to()) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            m.setSubject(MessageTemplate.render(action.subject() == null ? DEFAULT_SUBJECT : action.subject(), values),
                    "UTF-8");
            m.setText(MessageTemplate.render(action.body() == null ? DEFAULT_BODY : action.body(), values), "UTF-8");
            if (auth) {
                Transport.send(m, mail.username(), mail.password());
            } else {
                Transport.send(m);
            }
            return new Outcome(true, null, "accepted by " + mail.host() + ":" + mail.port());
        } catch (MessagingException e) {
            return new Outcome(false, null, "SMTP: " + e.getMessage());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
