// The ops page: polls the resource list, streams the selected resource's console (server-sent events),
// and shows its environment. Plain DOM, no framework: the page is small and must work offline.
"use strict";

const resourcesBody = document.getElementById("resources");
const connection = document.getElementById("connection");
const details = document.getElementById("details");
const detailsTitle = document.getElementById("details-title");
const consoleView = document.getElementById("console");
const follow = document.getElementById("follow");
const environmentBody = document.getElementById("environment");

const RefreshIntervalMs = 1000;
const MaxConsoleLines = 5000;

let selected = null;
let logStream = null;

function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
}

function formatUptime(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = Math.floor(seconds % 60);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

function endpointNodes(endpoints) {
  return endpoints.map(url => {
    const link = url.startsWith("http") ? element("a", { href: url, target: "_blank", textContent: url }) : element("span", { textContent: url });
    return element("div", {}, [link]);
  });
}

// Each resource links to its structured logs, traces and metrics (telemetry.js renders those views).
function telemetryLinks(name) {
  const resource = encodeURIComponent(name);
  return [["logs", "Logs"], ["traces", "Traces"], ["metrics", "Metrics"]].map(([view, label]) => {
    const link = element("a", { href: `#/${view}?resource=${resource}`, textContent: label });
    link.addEventListener("click", event => event.stopPropagation());
    return link;
  });
}

function renderResources(resources) {
  resourcesBody.replaceChildren(...resources.map(r => {
    const row = element("tr", { className: r.name === selected ? "selected" : "" }, [
      element("td", { textContent: r.name }),
      element("td", { textContent: r.kind }),
      element("td", { textContent: r.exitCode !== null && r.pid === null ? `${r.state} (exit ${r.exitCode})` : r.state }),
      element("td", { className: `health ${r.health}`, textContent: r.health }),
      element("td", { textContent: r.pid ?? "" }),
      element("td", {}, endpointNodes(r.endpoints)),
      element("td", { textContent: r.restarts }),
      element("td", { textContent: formatUptime(r.uptimeSeconds) }),
      element("td", { className: "source", textContent: r.source ?? "" }),
      element("td", { className: "telemetry-links" }, telemetryLinks(r.name)),
    ]);
    row.addEventListener("click", () => select(r.name));
    return row;
  }));
}

async function refreshResources() {
  try {
    const response = await fetch("api/resources", { cache: "no-store" });
    renderResources(await response.json());
    connection.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch {
    connection.textContent = "AppHost not reachable";
  }
}

function appendLogLine(line) {
  const atBottom = consoleView.scrollTop + consoleView.clientHeight >= consoleView.scrollHeight - 4;
  const time = new Date(line.timestamp).toISOString().substring(11, 23);
  consoleView.append(element("div", { className: line.isError ? "error" : "" }, [
    element("span", { className: "time", textContent: `${time} ` }),
    line.text,
  ]));
  while (consoleView.childElementCount > MaxConsoleLines) consoleView.firstElementChild.remove();
  if (follow.checked && atBottom) consoleView.scrollTop = consoleView.scrollHeight;
}

async function refreshEnvironment() {
  const response = await fetch(`api/resources/${encodeURIComponent(selected)}/environment`, { cache: "no-store" });
  const variables = response.ok ? await response.json() : [];
  environmentBody.replaceChildren(...variables.map(v =>
    element("tr", {}, [element("td", { textContent: v.name }), element("td", { textContent: v.value })])));
}

function select(name) {
  selected = name;
  history.replaceState(null, "", `#${encodeURIComponent(name)}`);
  details.hidden = false;
  detailsTitle.textContent = name;
  consoleView.replaceChildren();
  logStream?.close();
  logStream = new EventSource(`api/resources/${encodeURIComponent(name)}/logs`);
  logStream.addEventListener("log", event => appendLogLine(JSON.parse(event.data)));
  refreshEnvironment();
  refreshResources();
}

for (const tab of document.querySelectorAll("[data-tab]")) {
  tab.addEventListener("click", () => {
    for (const other of document.querySelectorAll("[data-tab]")) {
      const active = other === tab;
      other.setAttribute("aria-selected", String(active));
      document.getElementById(`tab-${other.dataset.tab}`).hidden = !active;
    }
    if (tab.dataset.tab === "environment") refreshEnvironment();
  });
}

follow.addEventListener("change", () => { if (follow.checked) consoleView.scrollTop = consoleView.scrollHeight; });

// A link to "#api" opens the page on that resource ("#/..." addresses the telemetry views).
if (location.hash.length > 1 && !location.hash.startsWith("#/")) select(decodeURIComponent(location.hash.substring(1)));
else refreshResources();
setInterval(refreshResources, RefreshIntervalMs);
