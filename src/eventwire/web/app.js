// eventwire dashboard: reads the read-only JSON API of the same server.
// Text from the store is only ever set with textContent (never innerHTML), so article text
// and sentences cannot inject markup.
"use strict";
(function () {
  const Charts = window.EventwireCharts;
  const PAGE = 25;
  const state = { offset: 0, total: 0, filters: {}, selected: null };
  const $ = (id) => document.getElementById(id);

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined) query.set(key, value);
    }
    const url = query.toString() ? `${path}?${query}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      const error = new Error(body.error ? body.error.message : `HTTP ${response.status}`);
      error.code = body.error && body.error.code;
      throw error;
    }
    return body;
  }

  function codes(group) {
    return (group || []).map((a) => (a.country || "---") + (a.sector || "")).join(", ") || "–";
  }

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) td.className = className;
    row.appendChild(td);
  }

  // --- events table ---------------------------------------------------------------------------
  async function loadEvents() {
    const status = $("events-status");
    status.textContent = "loading…";
    try {
      const page = await api("/api/events", Object.assign({}, state.filters,
        { limit: PAGE, offset: state.offset }));
      state.total = page.total;
      const body = $("events-table").tBodies[0];
      body.replaceChildren();
      for (const event of page.items) {
        const row = document.createElement("tr");
        row.dataset.eventId = event.event_id;
        row.dataset.docId = event.doc_id;
        cell(row, event.date);
        cell(row, event.event_type + (event.negated ? " (negated)" : ""));
        cell(row, codes(event.actor));
        cell(row, codes(event.recipient));
        cell(row, event.trigger && event.trigger.text);
        cell(row, event.sentence, "sentence");
        row.addEventListener("click", () => openArticle(event.doc_id, event.event_id, row));
        body.appendChild(row);
      }
      const last = Math.min(state.offset + PAGE, page.total);
      status.textContent = page.total
        ? `events ${state.offset + 1}–${last} of ${page.total}` : "no events match these filters";
      $("prev").disabled = state.offset === 0;
      $("next").disabled = last >= page.total;
      showError("");
    } catch (error) {
      status.textContent = "";
      showError(error.message);
    }
  }

  function readFilters() {
    const form = new FormData($("events-form"));
    const filters = {};
    for (const [key, value] of form.entries()) {
      const text = String(value).trim();
      if (text) filters[key] = key === "q" ? text : text.toUpperCase();
    }
    if (filters.since) filters.since = filters.since.toLowerCase();
    if (filters.until) filters.until = filters.until.toLowerCase();
    return filters;
  }

  // --- article with the event's sentence, trigger and actors marked ---------------------------
  const PRIORITY = { trigger: 4, actor: 3, recipient: 2, sentence: 1 };

  function markedText(text, spans) {
    const points = new Set([0, text.length]);
    for (const s of spans) { points.add(s.start); points.add(s.end); }
    const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < cuts.length - 1; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const piece = text.slice(from, to);
      let kind = null;
      for (const s of spans) {
        if (s.start <= from && s.end >= to && (!kind || PRIORITY[s.kind] > PRIORITY[kind])) kind = s.kind;
      }
      if (kind) {
        const mark = document.createElement("mark");
        mark.className = `hl-${kind}`;
        mark.textContent = piece;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(piece));
      }
    }
    return fragment;
  }

  async function openArticle(docId, eventId, row) {
    document.querySelectorAll("#events-table tr.selected").forEach((r) => r.classList.remove("selected"));
    if (row) row.classList.add("selected");
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      const spans = doc.spans.filter((s) => s.event_id === eventId);
      $("article-title").textContent = doc.title || doc.doc_id;
      const event = doc.events.find((e) => e.event_id === eventId);
      $("article-meta").textContent = [doc.published, doc.source, doc.url,
        event ? `${event.event_type}: ${codes(event.actor)} → ${codes(event.recipient)}` : ""]
        .filter(Boolean).join(" · ");
      $("article-text").replaceChildren(markedText(doc.text, spans));
      $("article").hidden = false;
      $("article").dataset.eventId = eventId;
      $("article").scrollIntoView({ block: "nearest" });
    } catch (error) {
      showError(error.message);
    }
  }

  // --- charts ---------------------------------------------------------------------------------
  async function loadDyad() {
    const a = $("dyad-a").value.trim().toUpperCase(), b = $("dyad-b").value.trim().toUpperCase();
    try {
      const data = await api("/api/dyad", { a: a, b: b, by: $("dyad-by").value,
                                           directed: $("dyad-both").checked ? "false" : "true" });
      Charts.drawDyad($("dyad-chart"), data.series);
      const n = data.series.reduce((sum, r) => sum + r.events, 0);
      $("dyad-note").textContent = `${a} ${data.directed ? "→" : "↔"} ${b}: ${n} events`;
    } catch (error) {
      $("dyad-note").textContent = error.message;
    }
  }

  async function loadBalance() {
    const actor = $("balance-actor").value.trim().toUpperCase();
    const b = $("balance-b").value.trim().toUpperCase(), c = $("balance-c").value.trim().toUpperCase();
    try {
      const data = await api("/api/balance", { actor: actor, b: b, c: c, by: $("balance-by").value });
      $("balance-b-label").textContent = `score with ${b}`;
      $("balance-c-label").textContent = `score with ${c}`;
      Charts.drawBalance($("balance-chart"), data.series);
      $("balance-note").textContent = `${actor} between ${b} and ${c}; above zero leans to ${b}`;
    } catch (error) {
      $("balance-note").textContent = error.message;
    }
  }

  async function loadNetwork() {
    try {
      const data = await api("/api/network", { type: $("network-type").value,
                                              min_events: $("network-min").value || 1, limit: 60 });
      Charts.drawNetwork($("network-chart"), data.nodes, data.edges);
    } catch (error) {
      showError(error.message);
    }
  }

  // --- start: defaults from what the store holds ----------------------------------------------
  async function start() {
    const overview = await api("/api/overview");
    $("overview").textContent = `${overview.documents} documents · ${overview.events} events` +
      (overview.first_date ? ` · ${overview.first_date} to ${overview.last_date}` : "");
    for (const select of [$("f-type"), $("network-type")]) {
      for (const kind of Object.keys(overview.event_types).sort()) {
        const option = document.createElement("option");
        option.value = kind;
        option.textContent = `${kind} (${overview.event_types[kind]})`;
        select.appendChild(option);
      }
    }
    const network = await api("/api/network", { limit: 60 });
    const top = network.edges[0];
    if (top) { $("dyad-a").value = top.source; $("dyad-b").value = top.target; }
    const busiest = overview.countries[0];
    if (busiest) {
      const partners = await api("/api/partners", { actor: busiest.id, kind: "all", limit: 2 });
      $("balance-actor").value = busiest.id;
      if (partners.items[0]) $("balance-b").value = partners.items[0].partner;
      if (partners.items[1]) $("balance-c").value = partners.items[1].partner;
    }
    Charts.drawNetwork($("network-chart"), network.nodes, network.edges);
    await Promise.all([loadEvents(), top ? loadDyad() : null,
                       partnersReady() ? loadBalance() : null]);
    document.body.dataset.ready = "true";
  }

  function partnersReady() {
    return $("balance-actor").value && $("balance-b").value && $("balance-c").value;
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("events-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.filters = readFilters();
      state.offset = 0;
      loadEvents();
    });
    $("events-form").addEventListener("reset", () => {
      state.filters = {};
      state.offset = 0;
      setTimeout(loadEvents, 0);
    });
    $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
    $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
    $("dyad-form").addEventListener("submit", (e) => { e.preventDefault(); loadDyad(); });
    $("balance-form").addEventListener("submit", (e) => { e.preventDefault(); loadBalance(); });
    $("network-form").addEventListener("submit", (e) => { e.preventDefault(); loadNetwork(); });
    start().catch((error) => { showError(error.message); document.body.dataset.ready = "error"; });
  });
})();
