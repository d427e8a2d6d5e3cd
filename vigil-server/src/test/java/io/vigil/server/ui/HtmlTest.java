package io.vigil.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldLeaveTextOrAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void formatsNumbersAndSizesForReading() {
        assertThat(Html.number(12.0)).isEqualTo("12");
        assertThat(Html.number(0.123456)).isEqualTo("0.1235");
        assertThat(Html.number(null)).isEqualTo("—");
        assertThat(Html.bytes(2048)).isEqualTo("2.0 KiB");
    }

    @Test
    void sendsTheBrowserOnlyToPathsOfThisServerAfterLogin() {
        assertThat(WebUi.safeNext("/ui/monitors")).isEqualTo("/ui/monitors");
        assertThat(WebUi.safeNext("//evil.example.com")).isEqualTo("/");
        assertThat(WebUi.safeNext("https://evil.example.com")).isEqualTo("/");
        assertThat(WebUi.safeNext("/\t/evil.example.com")).isEqualTo("/");
        assertThat(WebUi.safeNext("/ui/x\n")).isEqualTo("/");
        assertThat(WebUi.safeNext("/\\evil.example.com")).isEqualTo("/");
        assertThat(WebUi.safeNext(null)).isEqualTo("/");
    }
}
