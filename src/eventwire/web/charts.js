// eventwire dashboard charts, drawn as SVG by hand (no chart library).
// Every label is set with textContent, so data never becomes markup.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const QUAD = [["verbal_cooperation", "#7fb3d5"], ["material_cooperation", "#1f618d"],
                ["verbal_conflict", "#f5b041"], ["material_conflict", "#c0392b"]];
  const PAD = { left: 48, right: 48, top: 14, bottom: 46 };

  function el(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  function label(parent, x, y, text, anchor, extra) {
    const node = el("text", Object.assign({ x: x, y: y, "text-anchor": anchor || "middle" }, extra || {}), parent);
    node.textContent = text;
    return node;
  }

  function clear(svg) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
  }

  function frame(svg) {
    const box = svg.viewBox.baseVal;
    return { w: box.width, h: box.height, x0: PAD.left, x1: box.width - PAD.right,
             y0: PAD.top, y1: box.height - PAD.bottom };
  }

  function empty(svg, message) {
    clear(svg);
    const f = frame(svg);
    label(svg, f.w / 2, f.h / 2, message);
  }

  function scale(min, max, a, b) {
    if (max === min) { max = min + 1; }
    return (v) => a + (v - min) * (b - a) / (max - min);
  }

  function xTicks(svg, f, periods, slot) {
    const every = Math.max(1, Math.ceil(periods.length / 12));
    periods.forEach((p, i) => {
      if (i % every) return;
      const x = f.x0 + slot * (i + 0.5);
      label(svg, x, f.y1 + 14, p.length > 7 ? p : p, "end",
            { transform: `rotate(-35 ${x} ${f.y1 + 14})` });
    });
  }

  function yAxis(svg, f, y, min, max, side, title) {
    const x = side === "left" ? f.x0 : f.x1;
    el("line", { x1: x, x2: x, y1: f.y0, y2: f.y1, stroke: "#999" }, svg);
    [min, (min + max) / 2, max].forEach((v) => {
      label(svg, side === "left" ? x - 4 : x + 4, y(v) + 4, String(Math.round(v * 10) / 10),
            side === "left" ? "end" : "start");
    });
    label(svg, side === "left" ? 12 : f.w - 6, (f.y0 + f.y1) / 2, title, "middle",
          { transform: `rotate(-90 ${side === "left" ? 12 : f.w - 6} ${(f.y0 + f.y1) / 2})` });
  }

  // Stacked bars of events per quad class, and the summed score as a line.
  function drawDyad(svg, series) {
    if (!series.length) { empty(svg, "no events between these actors"); return; }
    clear(svg);
    const f = frame(svg);
    const slot = (f.x1 - f.x0) / series.length;
    const most = Math.max(1, ...series.map((r) => r.events));
    const y = scale(0, most, f.y1, f.y0);
    const scores = series.map((r) => r.score);
    const lo = Math.min(0, ...scores), hi = Math.max(0, ...scores);
    const ys = scale(lo, hi, f.y1, f.y0);
    const bars = el("g", { class: "bars" }, svg);
    series.forEach((row, i) => {
      let base = 0;
      for (const [key, colour] of QUAD) {
        const n = row[key] || 0;
        if (!n) continue;
        el("rect", { x: f.x0 + slot * i + slot * 0.15, width: Math.max(1, slot * 0.7),
                     y: y(base + n), height: Math.max(1, y(base) - y(base + n)), fill: colour },
           bars).appendChild(document.createElementNS(NS, "title")).textContent =
          `${row.period}: ${n} ${key.replace("_", " ")}`;
        base += n;
      }
    });
    el("line", { x1: f.x0, x2: f.x1, y1: ys(0), y2: ys(0), stroke: "#bbb", "stroke-dasharray": "3 3" }, svg);
    const points = series.map((r, i) => `${f.x0 + slot * (i + 0.5)},${ys(r.score)}`).join(" ");
    el("polyline", { points: points, fill: "none", stroke: "#111", "stroke-width": 2 }, svg);
    series.forEach((r, i) => el("circle", { cx: f.x0 + slot * (i + 0.5), cy: ys(r.score), r: 3, fill: "#111" }, svg));
    yAxis(svg, f, y, 0, most, "left", "events");
    yAxis(svg, f, ys, lo, hi, "right", "summed score");
    el("line", { x1: f.x0, x2: f.x1, y1: f.y1, y2: f.y1, stroke: "#999" }, svg);
    xTicks(svg, f, series.map((r) => r.period), slot);
  }

  // Bars for the balance (score with B minus score with C), lines for each score.
  function drawBalance(svg, series) {
    if (!series.length) { empty(svg, "no events with either actor"); return; }
    clear(svg);
    const f = frame(svg);
    const slot = (f.x1 - f.x0) / series.length;
    const values = series.flatMap((r) => [r.score_b, r.score_c, r.balance]);
    const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
    const y = scale(lo, hi, f.y1, f.y0);
    series.forEach((r, i) => {
      const top = Math.min(y(0), y(r.balance));
      el("rect", { x: f.x0 + slot * i + slot * 0.2, width: Math.max(1, slot * 0.6), y: top,
                   height: Math.max(1, Math.abs(y(r.balance) - y(0))),
                   fill: r.balance >= 0 ? "#58d68d" : "#ec7063", "fill-opacity": 0.6 }, svg);
    });
    el("line", { x1: f.x0, x2: f.x1, y1: y(0), y2: y(0), stroke: "#999" }, svg);
    for (const [key, colour] of [["score_b", "#1f618d"], ["score_c", "#d35400"]]) {
      const points = series.map((r, i) => `${f.x0 + slot * (i + 0.5)},${y(r[key])}`).join(" ");
      el("polyline", { points: points, fill: "none", stroke: colour, "stroke-width": 2.5 }, svg);
      series.forEach((r, i) => el("circle", { cx: f.x0 + slot * (i + 0.5), cy: y(r[key]), r: 3.5, fill: colour }, svg));
    }
    yAxis(svg, f, y, lo, hi, "left", "summed score");
    xTicks(svg, f, series.map((r) => r.period), slot);
  }

  // Countries on a circle, busiest first; edges coloured by mean score, width by events.
  function drawNetwork(svg, nodes, edges) {
    if (!nodes.length) { empty(svg, "no dyads to draw"); return; }
    clear(svg);
    const f = frame(svg);
    const cx = f.w / 2, cy = f.h / 2, radius = Math.min(f.w, f.h) / 2 - 60;
    const at = {};
    nodes.forEach((n, i) => {
      const angle = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
      at[n.id] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle];
    });
    const most = Math.max(1, ...edges.map((e) => e.events));
    const defs = el("defs", {}, svg);
    for (const [id, colour] of [["arrow-coop", "#1e8449"], ["arrow-conf", "#922b21"], ["arrow-none", "#888"]]) {
      const marker = el("marker", { id: id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 10,
                                    markerHeight: 10, markerUnits: "userSpaceOnUse",
                                    orient: "auto" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }, marker);
    }
    const biggest = Math.max(1, ...nodes.map((n) => n.events));
    const size = {};
    nodes.forEach((n) => { size[n.id] = 6 + 14 * Math.sqrt(n.events / biggest); });
    const lines = el("g", { class: "edges" }, svg);
    edges.forEach((e) => {
      const [x0, y0] = at[e.source], [tx, ty] = at[e.target];
      // stop at the target's rim so the arrowhead shows
      const length = Math.max(1, Math.hypot(tx - x0, ty - y0));
      const cut = (size[e.target] + 2) / length;
      const x1 = tx - (tx - x0) * cut, y1 = ty - (ty - y0) * cut;
      const kind = e.mean_score > 0 ? "coop" : e.mean_score < 0 ? "conf" : "none";
      const colour = { coop: "#1e8449", conf: "#922b21", none: "#888" }[kind];
      const line = el("line", { x1: x0, y1: y0, x2: x1, y2: y1, stroke: colour, "stroke-opacity": 0.75,
                                "stroke-width": 1.5 + 5 * e.events / most, "marker-end": `url(#arrow-${kind})` }, lines);
      el("title", {}, line).textContent = `${e.source} → ${e.target}: ${e.events} events, score ${e.score}`;
    });
    nodes.forEach((n) => {
      const [x, y, angle] = at[n.id];
      const circle = el("circle", { cx: x, cy: y, r: size[n.id], fill: "#5d6d7e",
                                    stroke: "#fff", "stroke-width": 1.5 }, svg);
      el("title", {}, circle).textContent = `${n.name}: ${n.events} events with ${n.degree} partners`;
      label(svg, cx + (radius + 32) * Math.cos(angle), cy + (radius + 32) * Math.sin(angle) + 4, n.id);
    });
  }

  window.EventwireCharts = { drawDyad: drawDyad, drawBalance: drawBalance, drawNetwork: drawNetwork };
})();
