// Vigil web UI: draws the charts (Chart.js) and fills the JSON editors' examples. Loaded with defer on every page.
(function () {
  "use strict";

  var EXAMPLES = {
    conditions: {
      metric: {type: "metric", aggregation: "p95", field: "response_time_ms", operator: "above", threshold: 1000, times: 1},
      rate: {type: "rate", aggregation: "count", direction: "increase", comparison: "more_than", percent: 50,
        baseline: "avg", previous: 5},
      ema: {type: "ema", aggregation: "avg", field: "response_time_ms", band: "outside", points: 20, sensitivity: 1.5},
      ratio: {type: "ratio", operator: "above", threshold: 90, times: 3}
    },
    actions: {
      webhook: {type: "webhook", url: "https://hooks.example.com/vigil", secret: "change-me"},
      http: {type: "http", method: "POST", url: "https://chat.example.com/api",
        body: "{\"text\": \"{{monitor.name}} {{event}}: {{run.result}}\"}"},
      email: {type: "email", to: ["oncall@example.com"]}
    }
  };

  // Appends an example object to a JSON-array textarea; text that is not an array is left alone, with a message.
  function insertExample(button) {
    var field = button.getAttribute("data-insert");
    var area = document.getElementById(field);
    var example = EXAMPLES[field] && EXAMPLES[field][button.getAttribute("data-example")];
    if (!area || !example) { return; }
    var list;
    try {
      list = area.value.trim() === "" ? [] : JSON.parse(area.value);
    } catch (e) {
      showFieldError(field, field + " is not valid JSON yet (" + e.message + "); fix it before adding an example");
      return;
    }
    if (!Array.isArray(list)) {
      showFieldError(field, field + " must be a JSON array [ ... ]");
      return;
    }
    list.push(example);
    area.value = JSON.stringify(list, null, 2);
    showFieldError(field, null);
    area.focus();
  }

  function showFieldError(field, message) {
    var p = document.getElementById(field + "-error");
    if (!p) { return; }
    p.textContent = message || "";
    p.hidden = !message;
  }

  function showChartError(canvas, message) {
    var p = canvas.closest("figure") && canvas.closest("figure").querySelector(".chart-error");
    if (p) {
      p.textContent = message || "";
      p.hidden = !message;
    }
  }

  function fetchJson(url) {
    return fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"}).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (!r.ok) {
          var message = body && body.error && body.error.message ? body.error.message : "the server answered " + r.status;
          throw new Error(message);
        }
        return body;
      });
    });
  }

  function shortTime(iso) {
    return iso.replace("T", " ").replace(/:00Z$|Z$/, "");
  }

  function line(label, data, color, dash) {
    return {label: label, data: data, borderColor: color, backgroundColor: color, borderWidth: dash ? 1.5 : 2,
      borderDash: dash || [], pointRadius: 0, spanGaps: true, tension: 0};
  }

  function drawSeries(canvas) {
    fetchJson(canvas.getAttribute("data-series-url")).then(function (s) {
      if (s.labels.length === 0) {
        showChartError(canvas, null);
        canvas.setAttribute("data-empty", "true");
        var p = canvas.closest("figure").querySelector(".chart-error");
        p.textContent = "No runs yet: the chart fills in as the monitor runs.";
        p.hidden = false;
        p.className = "empty";
        return;
      }
      var fired = s.value.map(function (v, i) { return s.fired[i] ? v : null; });
      var datasets = [line("value (" + s.measure + ")", s.value, "#1f5fbf")];
      if (s.upper.some(function (v) { return v !== null; })) {
        datasets.push(line(s.type === "ema" ? "upper band" : "upper threshold", s.upper, "#8a94a6", [6, 4]));
      }
      if (s.lower.some(function (v) { return v !== null; })) {
        datasets.push(line(s.type === "ema" ? "lower band" : "threshold", s.lower, "#8a94a6", [6, 4]));
      }
      if (s.baseline.some(function (v) { return v !== null; })) {
        datasets.push(line(s.type === "ema" ? "EMA" : "baseline", s.baseline, "#17703a", [2, 3]));
      }
      datasets.push({label: "fired (MET)", data: fired, showLine: false, pointRadius: 6, pointStyle: "triangle",
        borderColor: "#b3261e", backgroundColor: "#b3261e"});
      render(canvas, s.labels.map(shortTime), datasets);
    }).catch(function (e) { showChartError(canvas, "The chart could not be drawn: " + e.message); });
  }

  function render(canvas, labels, datasets) {
    if (canvas._chart) {
      canvas._chart.data.labels = labels;
      canvas._chart.data.datasets.forEach(function (d, i) { d.data = datasets[i].data; });
      canvas._chart.update("none");
    } else {
      canvas._chart = new Chart(canvas, {
        type: "line",
        data: {labels: labels, datasets: datasets},
        options: {animation: false, responsive: true, maintainAspectRatio: false,
          interaction: {mode: "index", intersect: false},
          scales: {x: {ticks: {maxRotation: 0, autoSkip: true, maxTicksLimit: 6}}},
          plugins: {legend: {position: "bottom", labels: {boxWidth: 14}}}}
      });
    }
    canvas.setAttribute("data-drawn", "true");
  }

  function pollStream(canvas) {
    var url = canvas.getAttribute("data-stream-url");
    var every = parseInt(canvas.getAttribute("data-poll-ms"), 10) || 2000;
    function once() {
      if (!document.body.contains(canvas)) { return; }
      fetchJson(url).then(function (s) {
        showChartError(canvas, s.labels.length === 0 ? "No observations since the server started yet." : null);
        var count = document.getElementById("stream-count");
        if (count) { count.textContent = s.count; }
        var flagged = s.score.map(function (v, i) { return s.anomaly[i] ? v : null; });
        render(canvas, s.labels, [line("score", s.score, "#1f5fbf"),
          {label: "anomaly", data: flagged, showLine: false, pointRadius: 5, borderColor: "#b3261e",
            backgroundColor: "#b3261e"}]);
      }).catch(function (e) {
        showChartError(canvas, "Live data unavailable: " + e.message);
      }).then(function () { setTimeout(once, every); });
    }
    once();
  }

  function init(root) {
    if (typeof Chart !== "undefined") {
      root.querySelectorAll("canvas[data-series-url]").forEach(drawSeries);
      root.querySelectorAll("canvas[data-stream-url]").forEach(pollStream);
    }
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-insert]");
    if (button) { insertExample(button); }
  });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (e) { init(e.target); });
})();
