package io.vigil.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.MonitorNameTakenException;
import io.vigil.workflow.InvalidWorkflowRequestException;
import org.junit.jupiter.api.Test;

/** The shared form pieces, for the monitor form's cases the workflow forms never had. */
class FormFieldsTest {
    @Test
    void anErrorInsideAListOrAnObjectBelongsNextToTheFieldThatHoldsIt() {
        assertThat(FormFields.topField("conditions[1].threshold")).isEqualTo("conditions");
        assertThat(FormFields.topField("actions[0]")).isEqualTo("actions");
        assertThat(FormFields.topField("filter.time_range")).isEqualTo("filter");
        assertThat(FormFields.topField("parameters.trees[2]")).isEqualTo("parameters");
        assertThat(FormFields.topField("schedule")).isEqualTo("schedule");
        assertThat(FormFields.topField(null)).isNull();
    }

    @Test
    void aRejectedMonitorNamesItsTopFieldAndKeepsTheMessage() {
        FormFields.Rejection rule = FormFields.Rejection.of(
                new InvalidMonitorException("conditions[0].sensitivity", "sensitivity must be at most 5"));
        assertThat(rule).isEqualTo(new FormFields.Rejection("conditions", "sensitivity must be at most 5"));
        FormFields.Rejection taken = FormFields.Rejection.of(new MonitorNameTakenException("Checkout"));
        assertThat(taken.field()).isEqualTo("name");
        assertThat(taken.message()).contains("'Checkout' already exists");
        assertThat(FormFields.Rejection.of(new InvalidWorkflowRequestException("parameters.trees", "too few")))
                .isEqualTo(new FormFields.Rejection("parameters", "too few"));
        assertThatThrownBy(() -> FormFields.Rejection.of(new IllegalStateException("a bug")))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
    }

    @Test
    void aLiveFieldAnnouncesItsHelpAndShowsItsErrorEscaped() {
        FormFields.Rejection r = new FormFields.Rejection("name", "a monitor named '<b>' already exists");
        String html = FormFields.liveInput("name", "Name", "<b>", r, " required", "checking…");
        assertThat(html).contains("<input type=\"text\" id=\"name\" name=\"name\" value=\"&lt;b&gt;\""
                        + " aria-describedby=\"name-help name-error\" required>")
                .contains("<div class=\"help\" id=\"name-help\" aria-live=\"polite\">checking…</div>")
                .contains("<p class=\"field-error\" id=\"name-error\" role=\"alert\">a monitor named "
                        + "&#39;&lt;b&gt;&#39; already exists</p>");
        assertThat(FormFields.input("text", "name", "Name", "x", r, "", null)).doesNotContain("aria-live");
    }

    @Test
    void anEditorPutsItsToolsAboveTheTextAndHasNoHelpLine() {
        String html = FormFields.editor("conditions", "Conditions (JSON array)", "[]", 10,
                FormFields.Rejection.NONE, "<div class=\"inserts\">Add example</div>");
        assertThat(html).isEqualTo("<div class=\"field\"><label for=\"conditions\">Conditions (JSON array)</label>"
                + "<div class=\"inserts\">Add example</div><textarea id=\"conditions\" name=\"conditions\" rows=\"10\""
                + " spellcheck=\"false\" aria-describedby=\"conditions-error\">[]</textarea>"
                + "<p class=\"field-error\" id=\"conditions-error\" hidden></p></div>");
        assertThat(FormFields.editor("query", "Query", "{}", 4, FormFields.Rejection.NONE, null))
                .contains("</label><textarea").doesNotContain("query-help");
    }
}
