// A small SVG line chart of our own (the page works offline, so no charting library from a CDN).
// lineChart(series, { unit }) → <svg>; series = [{ label, points: [{ t: Date, v: number }] }].
"use strict";

const ChartColors = ["#1b6ac9", "#d1495b", "#2a9d8f", "#e9a03b", "#6c4ab6", "#3d5a80", "#8a5a44", "#52b788"];

function lineChart(series, options = {}) {
  const width = 760, height = 260, left = 64, right = 12, top = 12, bottom = 32;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  const shape = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };

  const all = series.flatMap(s => s.points);
  if (all.length === 0) {
    shape("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "chart-empty" }, "No points yet");
    return svg;
  }
  const tMin = Math.min(...all.map(p => p.t.getTime())), tMax = Math.max(...all.map(p => p.t.getTime()));
  let vMin = Math.min(0, ...all.map(p => p.v)), vMax = Math.max(...all.map(p => p.v));
  if (vMax === vMin) vMax = vMin + 1;
  const x = t => left + (tMax === tMin ? (width - left - right) / 2 : (t - tMin) / (tMax - tMin) * (width - left - right));
  const y = v => top + (1 - (v - vMin) / (vMax - vMin)) * (height - top - bottom);

  for (let i = 0; i <= 4; i++) {
    const v = vMin + (vMax - vMin) * i / 4;
    shape("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), class: "chart-grid" });
    shape("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "chart-axis" }, formatNumber(v) + (options.unit ? ` ${options.unit}` : ""));
  }
  for (const t of [tMin, (tMin + tMax) / 2, tMax]) {
    shape("text", { x: x(t), y: height - 10, "text-anchor": "middle", class: "chart-axis" }, new Date(t).toLocaleTimeString());
  }
  series.forEach((s, index) => {
    const color = ChartColors[index % ChartColors.length];
    const sorted = [...s.points].sort((a, b) => a.t - b.t);
    shape("polyline", { points: sorted.map(p => `${x(p.t.getTime())},${y(p.v)}`).join(" "), fill: "none", stroke: color, "stroke-width": 2 });
    if (sorted.length === 1) shape("circle", { cx: x(sorted[0].t.getTime()), cy: y(sorted[0].v), r: 3, fill: color });
  });
  return svg;
}

function formatNumber(value) {
  if (value === null || value === undefined) return "";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (magnitude >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (magnitude >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (Number.isInteger(value)) return String(value);
  return value.toPrecision(3);
}
