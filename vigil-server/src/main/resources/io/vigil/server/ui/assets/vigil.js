// Vigil web UI: draws the charts (Chart.js), fills the JSON editors' examples, sends uploads with a progress bar
// and asks before deletes. Loaded with defer on every page.
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
          var error = new Error(message);
          error.status = r.status;
          throw error;
        }
        return body;
      });
    });
  }

  function shortTime(iso) {
    return iso.replace("T", " ").replace(/:00Z$|Z$/, "");
  }

  function line(label, data, color, dash) {
    // A line needs two points: a value with none beside it (one run, or one between runs that recorded nothing,
    // such as ERROR runs) shows as a dot, and so does every run while there are few enough to count.
    var dots = !dash && data.length <= 30;
    var present = data.filter(function (v) { return v !== null && v !== undefined; }).length;
    var radius = present < 2 ? 3 : (dots ? 2.5 : 0);
    return {label: label, data: data, borderColor: color, backgroundColor: color, borderWidth: dash ? 1.5 : 2,
      borderDash: dash || [], pointRadius: radius, spanGaps: true, tension: 0};
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
      // A hidden tab waits for its next turn without asking the server.
      if (document.hidden) { setTimeout(once, every); return; }
      var stop = false;
      fetchJson(url).then(function (s) {
        showChartError(canvas, s.labels.length === 0 ? "No observations since the server started yet." : null);
        var count = document.getElementById("stream-count");
        if (count) { count.textContent = s.count; }
        var flagged = s.score.map(function (v, i) { return s.anomaly[i] ? v : null; });
        render(canvas, s.labels, [line("score", s.score, "#1f5fbf"),
          {label: "anomaly", data: flagged, showLine: false, pointRadius: 5, borderColor: "#b3261e",
            backgroundColor: "#b3261e"}]);
      }).catch(function (e) {
        // The session has expired or the stream is gone: asking again every few seconds cannot help.
        stop = e.status === 401 || e.status === 403 || e.status === 404;
        showChartError(canvas, "Live data unavailable: " + e.message + (stop ? " (no longer refreshing)" : ""));
      }).then(function () { if (!stop) { setTimeout(once, every); } });
    }
    once();
  }

  // A run's charts: the histogram and ROC curve from charts.json, the scatter from charts.json?x=&y=.
  function drawRunChart(canvas) {
    var kind = canvas.getAttribute("data-run-chart");
    var url = canvas.getAttribute("data-charts-url");
    if (kind === "scatter") {
      var x = document.getElementById("scatter-x").value;
      var y = document.getElementById("scatter-y").value;
      url += "?x=" + encodeURIComponent(x) + "&y=" + encodeURIComponent(y);
    }
    fetchJson(url).then(function (c) {
      showChartError(canvas, null);
      if (canvas._chart) { canvas._chart.destroy(); }
      var config = kind === "histogram" ? histogramConfig(c.histogram)
        : kind === "roc" ? rocConfig(c.roc) : scatterConfig(c.scatter);
      config.options.animation = false;
      config.options.responsive = true;
      config.options.maintainAspectRatio = false;
      config.options.plugins = config.options.plugins || {};
      config.options.plugins.legend = {position: "bottom", labels: {boxWidth: 14}};
      canvas._chart = new Chart(canvas, config);
      canvas.setAttribute("data-drawn", "true");
    }).catch(function (e) { showChartError(canvas, "The chart could not be drawn: " + e.message); });
  }

  function histogramConfig(h) {
    var labels = h.bins.map(function (b) { return b.from.toFixed(2); });
    var normal = h.bins.map(function (b) { return b.count - b.anomalies; });
    var flagged = h.bins.map(function (b) { return b.anomalies; });
    // The threshold as a vertical line: its position on the category axis, between bins.
    var at = h.bins.length * h.threshold - 0.5;
    var thresholdLine = {id: "threshold", afterDatasetsDraw: function (chart) {
      var xs = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      var px = xs.getPixelForValue(0) + (xs.getPixelForValue(1) - xs.getPixelForValue(0)) * (at);
      ctx.save();
      ctx.strokeStyle = "#b3261e"; ctx.lineWidth = 2; ctx.setLineDash([6, 4]);
      ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
      ctx.fillStyle = "#b3261e"; ctx.fillText("threshold " + h.threshold.toFixed(3), Math.min(px + 4, area.right - 90),
        area.top + 12);
      ctx.restore();
    }};
    return {type: "bar", plugins: [thresholdLine],
      data: {labels: labels, datasets: [
        {label: "normal rows", data: normal, backgroundColor: "#8fb0e3"},
        {label: "flagged rows", data: flagged, backgroundColor: "#b3261e"}]},
      // Bins side by side, full width, as a histogram reads; a bin holding both kinds shows flagged over normal.
      options: {datasets: {bar: {grouped: false, barPercentage: 1, categoryPercentage: 0.92}}, scales: {x: {title: {display: true, text: "score"},
        ticks: {maxRotation: 0, autoSkip: true, maxTicksLimit: 6}},
        y: {type: "logarithmic", title: {display: true, text: "rows (log scale)"}}}}};
  }

  function rocConfig(points) {
    var curve = points.map(function (p) { return {x: p.fpr, y: p.tpr}; });
    return {type: "scatter", data: {datasets: [
      {label: "ROC curve", data: curve, showLine: true, pointRadius: 0, borderColor: "#1f5fbf", borderWidth: 2},
      {label: "chance", data: [{x: 0, y: 0}, {x: 1, y: 1}], showLine: true, pointRadius: 0, borderColor: "#8a94a6",
        borderDash: [6, 4], borderWidth: 1.5}]},
      options: {scales: {x: {min: 0, max: 1, title: {display: true, text: "false positive rate"}},
        y: {min: 0, max: 1, title: {display: true, text: "true positive rate"}}}}};
  }

  function scatterConfig(s) {
    var normal = [], flagged = [];
    s.points.forEach(function (p) {
      if (p.x === null || p.y === null) { return; }
      (p.is_anomaly ? flagged : normal).push({x: p.x, y: p.y});
    });
    var note = document.getElementById("scatter-note");
    if (note) {
      note.textContent = s.sampled ? "A sample of " + s.points.length + " of " + s.total
        + " rows: every flagged row, normal rows thinned evenly." : s.points.length + " rows.";
    }
    return {type: "scatter", data: {datasets: [
      {label: "normal", data: normal, pointRadius: 2, backgroundColor: "rgba(31,95,191,0.45)", borderWidth: 0},
      {label: "flagged", data: flagged, pointRadius: 4, pointStyle: "triangle", backgroundColor: "#b3261e",
        borderColor: "#b3261e"}]},
      options: {scales: {x: axis(s.x, s.x_kind), y: axis(s.y, s.y_kind)}}};
  }

  // A temporal column arrives as epoch seconds: label it as UTC times, not as ten-digit numbers.
  function axis(title, kind) {
    var a = {title: {display: true, text: kind === "temporal" ? title + " (UTC)" : title}};
    if (kind === "temporal") {
      a.ticks = {maxRotation: 0, autoSkip: true, maxTicksLimit: 5, callback: function (v) {
        return new Date(v * 1000).toISOString().slice(0, 16).replace("T", " ");
      }};
    }
    return a;
  }

  // Sends an upload form with XMLHttpRequest to show its progress; without script the form posts as it is.
  function upload(form) {
    var box = form.querySelector(".upload-progress");
    var bar = form.querySelector("progress");
    var percent = form.querySelector(".upload-percent");
    var button = form.querySelector("button[type=submit]");
    var xhr = new XMLHttpRequest();
    box.hidden = false;
    button.disabled = true;
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var p = Math.round(100 * e.loaded / e.total);
        bar.value = p;
        percent.textContent = p + " %";
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.value = 100;
      percent.textContent = "100 % · importing…";
    });
    xhr.addEventListener("load", function () {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
        return;
      }
      // The answer is the page with the form and its error: show its main part in place of ours.
      var page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var main = page.querySelector("main");
      if (main) {
        document.querySelector("main").innerHTML = main.innerHTML;
      } else {
        button.disabled = false;
        percent.textContent = "The upload failed: the server answered " + xhr.status;
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      percent.textContent = "The upload failed: the connection was lost. Try again.";
    });
    xhr.open("POST", form.action);
    xhr.send(new FormData(form));
  }

  function init(root) {
    if (typeof Chart !== "undefined") {
      root.querySelectorAll("canvas[data-series-url]").forEach(drawSeries);
      root.querySelectorAll("canvas[data-stream-url]").forEach(pollStream);
      root.querySelectorAll("canvas[data-run-chart]").forEach(drawRunChart);
    }
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-insert]");
    if (button) { insertExample(button); }
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      e.preventDefault();
    } else if (form.hasAttribute("data-upload") && window.XMLHttpRequest && window.FormData) {
      e.preventDefault();
      upload(form);
    }
  });
  document.addEventListener("change", function (e) {
    if (e.target.id === "scatter-x" || e.target.id === "scatter-y") {
      var canvas = document.getElementById("scatter-chart");
      if (canvas) { drawRunChart(canvas); }
    }
  });
  // A log group's entries load once (htmx); later clicks only show or hide them.
  document.addEventListener("htmx:afterRequest", function (e) {
    var button = e.detail.elt;
    if (button && button.classList && button.classList.contains("expand") && e.detail.successful) {
      button.setAttribute("aria-expanded", "true");
      button.setAttribute("data-loaded", "true");
      button.textContent = "Hide the entries";
    }
  });
  document.addEventListener("click", function (e) {
    var button = e.target.closest("button.expand[data-loaded]");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("aria-controls"));
    var open = button.getAttribute("aria-expanded") === "true";
    target.hidden = open;
    button.setAttribute("aria-expanded", open ? "false" : "true");
    button.textContent = open ? "Show the entries" : "Hide the entries";
  });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (e) { init(e.target); });
})();
