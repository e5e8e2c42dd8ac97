// The telemetry views: structured logs, traces (list and waterfall) and metrics (chart and table), addressed by
// "#/logs?resource=api" style links. Live views refresh when the AppHost's change stream (throttled to one event
// per signal every 100 ms) says new telemetry arrived. Uses element() and formatNumber() from app.js and chart.js.
"use strict";

const Views = ["resources", "logs", "traces", "trace", "metrics"];
const ResourceColors = ["#1b6ac9", "#2a9d8f", "#d1495b", "#e9a03b", "#6c4ab6", "#3d5a80"];
const resourceColor = new Map();

let currentView = "resources";
let currentParams = new URLSearchParams();
let expandedLog = null;
let selectedInstrument = null;
let dimensionFilter = {};

function colorOf(resource) {
  if (!resourceColor.has(resource)) resourceColor.set(resource, ResourceColors[resourceColor.size % ResourceColors.length]);
  return resourceColor.get(resource);
}

function resourceBadge(resource) {
  return element("span", { className: "badge", textContent: resource, style: `border-color:${colorOf(resource)};color:${colorOf(resource)}` });
}

function formatDuration(ms) {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

function formatTime(iso) {
  return new Date(iso).toISOString().substring(11, 23);
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (response.status === 401) { location.href = "login"; return null; }
  return response.ok ? response.json() : null;
}

function attributesTable(attributes) {
  return element("table", { className: "attributes" }, [
    element("tbody", {}, attributes.map(a => element("tr", {}, [element("td", { textContent: a.key }), element("td", { textContent: a.value })]))),
  ]);
}

function formParams(form) {
  const params = new URLSearchParams();
  for (const field of form.elements) {
    if (field.name && field.type !== "checkbox" && field.value) params.set(field.name, field.value);
  }
  return params;
}

function isLive(form) { return form.elements.live.checked; }

// ---- Routing ----

function route() {
  const hash = location.hash.startsWith("#/") ? location.hash.substring(2) : "resources";
  const [path, query] = hash.split("?");
  const [view, id] = path.split("/");
  currentView = Views.includes(view) ? view : "resources";
  currentParams = new URLSearchParams(query ?? "");
  for (const name of Views) document.getElementById(`view-${name}`).hidden = name !== currentView;
  for (const link of document.querySelectorAll("[data-view]")) {
    link.classList.toggle("active", link.dataset.view === currentView || (currentView === "trace" && link.dataset.view === "traces"));
  }
  const form = document.getElementById(`${currentView}-filters`);
  if (form) for (const [name, value] of currentParams) if (form.elements[name]) form.elements[name].value = value;
  refreshResourceFilters().then(() => {
    if (currentView === "logs") refreshLogs();
    if (currentView === "traces") refreshTraces();
    if (currentView === "trace") showTrace(id);
    if (currentView === "metrics") refreshInstruments();
  });
}

async function refreshResourceFilters() {
  // The AppHost's resources, then any other service that sent telemetry (e.g. one started by hand).
  const declared = (await getJson("api/resources") ?? []).map(r => r.name);
  const reporting = await getJson("api/telemetry/resources") ?? [];
  const names = [...declared, ...reporting.filter(name => !declared.includes(name))];
  for (const select of document.querySelectorAll(".resource-filter")) {
    const keepAll = select.closest("form").id !== "metrics-filters";
    const wanted = currentParams.get("resource") ?? select.value;
    const options = names.map(name => element("option", { value: name, textContent: name }));
    select.replaceChildren(...(keepAll ? [element("option", { value: "", textContent: "All" })] : []), ...options);
    if (wanted && names.includes(wanted)) select.value = wanted;
  }
}

// ---- Structured logs ----

const logsForm = document.getElementById("logs-filters");
const logsBody = document.getElementById("logs");

async function refreshLogs() {
  const params = formParams(logsForm);
  params.set("limit", "500");
  const page = await getJson(`api/logs?${params}`);
  if (!page) return;
  document.getElementById("logs-count").textContent = `${page.items.length} of ${page.totalCount}`;
  logsBody.replaceChildren(...page.items.flatMap(entry => {
    const row = element("tr", { className: `log ${entry.level}` }, [
      element("td", { className: "time", textContent: formatTime(entry.timestamp) }),
      element("td", {}, [resourceBadge(entry.resource)]),
      element("td", { className: `level ${entry.level}`, textContent: entry.level }),
      element("td", { className: "message", textContent: entry.message }),
      element("td", {}, entry.traceId ? [element("a", { href: `#/trace/${entry.traceId}`, textContent: entry.traceId.substring(0, 8) })] : []),
    ]);
    row.addEventListener("click", event => {
      if (event.target.tagName === "A") return;
      expandedLog = expandedLog === entry.sequence ? null : entry.sequence;
      refreshLogs();
    });
    if (expandedLog !== entry.sequence) return [row];
    const details = element("td", { colSpan: 5, className: "log-details" }, [
      element("div", { className: "hint", textContent: `Scope: ${entry.scope || "(none)"}` }),
      attributesTable(entry.attributes),
      ...(entry.exception ? [element("pre", { className: "exception", textContent: entry.exception })] : []),
      ...(entry.traceId ? [element("a", { href: `#/trace/${entry.traceId}`, textContent: `Open trace ${entry.traceId}` })] : []),
    ]);
    return [row, element("tr", { className: "expanded" }, [details])];
  }));
}

logsForm.addEventListener("input", () => refreshLogs());
logsForm.addEventListener("submit", event => event.preventDefault());

// ---- Traces ----

const tracesForm = document.getElementById("traces-filters");
const tracesBody = document.getElementById("traces");

async function refreshTraces() {
  const params = formParams(tracesForm);
  params.set("limit", "200");
  const page = await getJson(`api/traces?${params}`);
  if (!page) return;
  document.getElementById("traces-count").textContent = `${page.items.length} of ${page.totalCount}`;
  tracesBody.replaceChildren(...page.items.map(trace => {
    const row = element("tr", { className: trace.errorCount > 0 ? "has-error" : "" }, [
      element("td", { className: "time", textContent: formatTime(trace.start) }),
      element("td", {}, [element("a", { href: `#/trace/${trace.traceId}`, textContent: trace.rootName })]),
      element("td", {}, trace.resources.map(resourceBadge)),
      element("td", { textContent: trace.spanCount }),
      element("td", { textContent: formatDuration(trace.durationMs) }),
      element("td", { className: trace.errorCount > 0 ? "errors" : "", textContent: trace.errorCount }),
    ]);
    row.addEventListener("click", event => { if (event.target.tagName !== "A") location.hash = `#/trace/${trace.traceId}`; });
    return row;
  }));
}

tracesForm.addEventListener("input", () => refreshTraces());
tracesForm.addEventListener("submit", event => event.preventDefault());

// The waterfall: spans in tree order (children under their parent), each bar placed on the trace's time line.
async function showTrace(traceId) {
  const trace = await getJson(`api/traces/${encodeURIComponent(traceId)}`);
  const waterfall = document.getElementById("waterfall");
  document.getElementById("span-details").hidden = true;
  if (!trace) {
    document.getElementById("trace-title").textContent = "Trace not found";
    waterfall.replaceChildren();
    return;
  }
  const start = new Date(trace.start).getTime();
  const byParent = new Map();
  const ids = new Set(trace.spans.map(s => s.spanId));
  for (const span of trace.spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent).push(span);
  }
  const ordered = [];
  const visit = (parent, depth) => {
    for (const span of byParent.get(parent) ?? []) { ordered.push([span, depth]); visit(span.spanId, depth + 1); }
  };
  visit(null, 0);
  const root = ordered[0]?.[0];
  document.getElementById("trace-title").textContent = `Trace: ${root ? `${root.resource}: ${root.name}` : traceId}`;
  const resources = [...new Set(trace.spans.map(s => s.resource))];
  document.getElementById("trace-summary").textContent =
    `${trace.traceId} · ${trace.spans.length} spans · ${formatDuration(trace.durationMs)} · ${resources.join(", ")}`;
  const total = Math.max(trace.durationMs, 0.001);
  waterfall.replaceChildren(...ordered.map(([span, depth]) => {
    const offset = (new Date(span.start).getTime() - start) / total * 100;
    const width = Math.max(span.durationMs / total * 100, 0.3);
    const row = element("div", { className: `span-row${span.status === "Error" ? " error" : ""}` }, [
      element("div", { className: "span-name", style: `padding-left:${depth * 14}px` }, [
        resourceBadge(span.resource), ` ${span.name}`,
      ]),
      element("div", { className: "span-track" }, [
        element("div", { className: "span-bar", style: `left:${Math.min(offset, 99.7)}%;width:${width}%;background:${colorOf(span.resource)}` }),
        element("span", { className: "span-duration", textContent: formatDuration(span.durationMs) }),
      ]),
    ]);
    row.addEventListener("click", () => showSpan(span));
    return row;
  }));
}

function showSpan(span) {
  const details = document.getElementById("span-details");
  details.hidden = false;
  details.replaceChildren(
    element("h2", { textContent: `${span.resource}: ${span.name}` }),
    element("p", { className: "hint", textContent:
      `${span.kind} · ${formatDuration(span.durationMs)} · status ${span.status}${span.statusMessage ? ` (${span.statusMessage})` : ""} · span ${span.spanId}${span.parentSpanId ? ` · parent ${span.parentSpanId}` : ""} · ${span.scope}` }),
    attributesTable(span.attributes),
    ...(span.events.length ? [element("h2", { textContent: "Events" }), element("ul", {}, span.events.map(e =>
      element("li", {}, [`${formatTime(e.timestamp)} ${e.name}`, attributesTable(e.attributes)])))] : []),
  );
}

// ---- Metrics ----

const metricsForm = document.getElementById("metrics-filters");

async function refreshInstruments() {
  const resource = metricsForm.elements.resource.value;
  if (!resource) return;
  const instruments = await getJson(`api/metrics?resource=${encodeURIComponent(resource)}`) ?? [];
  const list = document.getElementById("instruments");
  list.replaceChildren(...instruments.map(instrument => {
    const item = element("li", { className: instrument.name === selectedInstrument ? "selected" : "" }, [
      element("div", { className: "instrument-name", textContent: instrument.name }),
      element("div", { className: "hint", textContent: `${instrument.kind}${instrument.unit ? ` · ${instrument.unit}` : ""} · ${instrument.scope}` }),
    ]);
    item.addEventListener("click", () => { selectedInstrument = instrument.name; dimensionFilter = {}; refreshInstruments(); });
    return item;
  }));
  if (selectedInstrument && instruments.some(i => i.name === selectedInstrument)) await showInstrument(resource, selectedInstrument);
}

function seriesLabel(series) {
  return series.dimensions.length ? series.dimensions.map(d => `${d.key}=${d.value}`).join(", ") : "(no dimensions)";
}

function valueOf(instrument, point) {
  return instrument.kind === "histogram" ? (point.p90 ?? 0) : point.value;
}

async function showInstrument(resource, name) {
  const [instrument] = await getJson(`api/metrics?resource=${encodeURIComponent(resource)}&instrument=${encodeURIComponent(name)}`) ?? [];
  const section = document.getElementById("instrument");
  if (!instrument) { section.replaceChildren(element("p", { className: "hint", textContent: "No data." })); return; }

  const keys = [...new Set(instrument.series.flatMap(s => s.dimensions.map(d => d.key)))].sort();
  const filters = keys.map(key => {
    const values = [...new Set(instrument.series.map(s => s.dimensions.find(d => d.key === key)?.value ?? ""))].sort();
    const select = element("select", { name: key }, [element("option", { value: "*", textContent: "All" }),
      ...values.map(v => element("option", { value: v, textContent: v || "(none)" }))]);
    select.value = dimensionFilter[key] ?? "*";
    select.addEventListener("change", () => { dimensionFilter[key] = select.value; showInstrument(resource, name); });
    return element("label", {}, [`${key} `, select]);
  });
  const shown = instrument.series.filter(s => keys.every(key =>
    (dimensionFilter[key] ?? "*") === "*" || (s.dimensions.find(d => d.key === key)?.value ?? "") === dimensionFilter[key]));

  const isHistogram = instrument.kind === "histogram";
  const chart = lineChart(shown.slice(0, 8).map(s => ({
    label: seriesLabel(s),
    points: (s.points ?? []).map(p => ({ t: new Date(p.timestamp), v: valueOf(instrument, p) })),
  })), { unit: instrument.unit });
  const header = isHistogram
    ? ["Dimensions", "Count (last export)", "P50", "P90", "P99", "Time"]
    : ["Dimensions", "Value", "Time"];
  const rows = shown.map((s, index) => element("tr", {}, [
    element("td", {}, [element("span", { className: "swatch", style: `background:${index < 8 ? ChartColors[index % ChartColors.length] : "transparent"}` }), seriesLabel(s)]),
    ...(isHistogram
      ? [s.latest?.value, s.latest?.p50, s.latest?.p90, s.latest?.p99].map(v => element("td", { textContent: formatNumber(v) }))
      : [element("td", { textContent: formatNumber(s.latest?.value) })]),
    element("td", { className: "time", textContent: s.latest ? formatTime(s.latest.timestamp) : "" }),
  ]));
  section.replaceChildren(
    element("h2", { textContent: instrument.name }),
    element("p", { className: "hint", textContent: `${instrument.description || ""} ${isHistogram ? "Chart: P90 per export." : ""}` }),
    element("div", { className: "filters" }, filters),
    chart,
    element("table", { className: "telemetry metric-table" }, [
      element("thead", {}, [element("tr", {}, header.map(h => element("th", { textContent: h })))]),
      element("tbody", {}, rows),
    ]),
  );
}

metricsForm.addEventListener("change", event => {
  if (event.target.name === "resource") { selectedInstrument = null; }
  refreshInstruments();
});

// ---- Live updates ----

const changes = new EventSource("api/telemetry/changes");
changes.addEventListener("logs", () => { if (currentView === "logs" && isLive(logsForm)) refreshLogs(); });
changes.addEventListener("traces", () => { if (currentView === "traces" && isLive(tracesForm)) refreshTraces(); });
let lastMetricsRefresh = 0;
changes.addEventListener("metrics", () => {
  // Metrics arrive every second from each resource: the chart redraws at most every two seconds.
  if (currentView === "metrics" && isLive(metricsForm) && Date.now() - lastMetricsRefresh > 2000) {
    lastMetricsRefresh = Date.now();
    refreshInstruments();
  }
});

window.addEventListener("hashchange", route);
route();
