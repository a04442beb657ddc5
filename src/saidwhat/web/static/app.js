/* saidwhat page: paste or open an article, POST it to /api/extract, show who said what.
 *
 * Safety rule: article text, file contents and every field of the API answer reach
 * the DOM only through createTextNode / textContent, never as HTML. An opened .html
 * file is read with DOMParser, which builds an inert document (no script runs, nothing
 * loads), and only its text is kept.
 *
 * Offsets in the API answer are code-point indices (Python str indices); JavaScript
 * strings count UTF-16 units, so the text is split with Array.from() before slicing.
 */
"use strict";

(function () {
  const PALETTE_SIZE = 12;
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };

  const state = { text: "", quotes: [], speakers: [], selected: undefined, info: null };
  /** speaker_gender values as the page words them. */
  const GENDER_WORD = { female: "woman", male: "man" };
  const genderClass = (g) => (g === "female" ? "women" : g === "male" ? "men" : "unknown");

  // ---- API ------------------------------------------------------------------------
  async function api(path, options) {
    const resp = await fetch(path, options);
    let body = null;
    try { body = await resp.json(); } catch (e) { /* not JSON */ }
    if (!resp.ok) {
      const msg = body && body.message ? body.message : `HTTP ${resp.status}`;
      throw new Error(msg);
    }
    return body;
  }

  // ---- speakers -----------------------------------------------------------------------
  /** Group quotes by resolved speaker: name, most frequent type, first role, count. */
  function groupSpeakers(quotes) {
    const byKey = new Map();
    quotes.forEach((q) => {
      const key = q.speaker == null ? null : String(q.speaker);
      if (!byKey.has(key)) byKey.set(key, { key, name: key, types: new Map(), role: null, count: 0 });
      const s = byKey.get(key);
      s.count += 1;
      if (q.speaker_type) s.types.set(q.speaker_type, (s.types.get(q.speaker_type) || 0) + 1);
      if (!s.role && q.speaker_role) s.role = q.speaker_role;
      if (!s.gender && q.speaker_gender) s.gender = q.speaker_gender;
    });
    const list = Array.from(byKey.values());
    list.forEach((s) => {
      let best = null, n = 0;
      s.types.forEach((c, t) => { if (c > n) { best = t; n = c; } });
      s.type = best;
    });
    // named speakers by count, in order of first appearance for ties; unattributed last
    const named = list.filter((s) => s.key !== null).sort((a, b) => b.count - a.count);
    named.forEach((s, i) => { s.cls = "sp-" + (i % PALETTE_SIZE); });
    const none = list.filter((s) => s.key === null);
    none.forEach((s) => { s.cls = "sp-none"; s.name = "Unattributed"; });
    return named.concat(none);
  }

  function speakerOf(q) {
    const key = q.speaker == null ? null : String(q.speaker);
    return state.speakers.find((s) => s.key === key);
  }

  // ---- rendering the article -------------------------------------------------------
  /**
   * Render text with one <mark class="quote KIND sp-N" data-qi=i> per quotation (split
   * only if quotations overlap), and cue / speaker-mention spans underlined.
   */
  function renderArticle(container, text, quotes) {
    container.replaceChildren();
    const cps = Array.from(text);
    const n = cps.length;
    const clamp = (x) => Math.max(0, Math.min(n, Number(x)));
    const valid = (a, b) => Number.isInteger(a) && Number.isInteger(b) && b > a;

    const qs = [];
    quotes.forEach((q, i) => {
      if (valid(q.quote_start, q.quote_end)) qs.push({ i, a: clamp(q.quote_start), b: clamp(q.quote_end), q });
    });
    const unders = [];
    quotes.forEach((q, i) => {
      if (valid(q.cue_start, q.cue_end)) unders.push({ i, kind: "cue", a: clamp(q.cue_start), b: clamp(q.cue_end) });
      if (valid(q.speaker_start, q.speaker_end)) unders.push({ i, kind: "mention", a: clamp(q.speaker_start), b: clamp(q.speaker_end) });
    });
    const points = new Set([0, n]);
    qs.forEach((r) => { points.add(r.a); points.add(r.b); });
    unders.forEach((r) => { points.add(r.a); points.add(r.b); });
    const cuts = Array.from(points).sort((x, y) => x - y);
    // outer quotations first when nested
    qs.sort((x, y) => x.a - y.a || y.b - x.b || x.i - y.i);

    const stack = []; // [{i, node}]
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      if (b <= a) continue;
      const chain = qs.filter((r) => r.a <= a && r.b >= b);
      let common = 0;
      while (common < stack.length && common < chain.length && stack[common].i === chain[common].i) common++;
      stack.length = common;
      for (let j = common; j < chain.length; j++) {
        const r = chain[j];
        const sp = speakerOf(r.q);
        const m = el("mark", `quote ${kindOf(r.q)} ${sp ? sp.cls : "sp-none"}`);
        m.dataset.qi = String(r.i);
        m.tabIndex = 0;
        (stack.length ? stack[stack.length - 1].node : container).appendChild(m);
        stack.push({ i: r.i, node: m });
      }
      const parent = stack.length ? stack[stack.length - 1].node : container;
      const piece = cps.slice(a, b).join("");
      const covering = unders.filter((u) => u.a <= a && u.b >= b);
      if (covering.length) {
        const kinds = new Set(covering.map((u) => u.kind));
        const owner = quotes[covering[0].i];
        const sp = speakerOf(owner);
        const span = el("span", Array.from(kinds).join(" ") + " " + (sp ? sp.cls : "sp-none"), piece);
        span.dataset.for = Array.from(new Set(covering.map((u) => u.i))).join(" ");
        parent.appendChild(span);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    }
  }

  function kindOf(q) {
    return q.type === "indirect" || q.type === "mixed" ? q.type : "direct";
  }

  function renderSpeakers() {
    const ul = $("speakers");
    ul.replaceChildren();
    state.speakers.forEach((s) => {
      const li = el("li");
      const b = el("button", s.cls);
      b.type = "button";
      b.dataset.key = s.key === null ? "" : s.key;
      b.setAttribute("aria-pressed", String(state.selected !== undefined && state.selected === s.key));
      b.appendChild(el("span", "swatch"));
      b.appendChild(el("span", "speaker-name", s.name));
      b.appendChild(el("span", "speaker-count", s.count));
      const meta = [s.type, s.role].filter(Boolean).join(" · ");
      const metaSpan = el("span", "speaker-meta", meta || (s.key === null ? "no speaker found" : ""));
      if (s.gender) {
        if (meta) metaSpan.appendChild(document.createTextNode(" · "));
        metaSpan.appendChild(el("span", "gender " + genderClass(s.gender), GENDER_WORD[s.gender] || s.gender));
      }
      b.appendChild(metaSpan);
      b.title = `${s.count} quotation${s.count === 1 ? "" : "s"}`;
      b.addEventListener("click", () => selectSpeaker(state.selected === s.key ? undefined : s.key));
      li.appendChild(b);
      ul.appendChild(li);
    });
    if (!state.speakers.length) ul.appendChild(el("li", "hint", "No quotations found."));
  }

  function renderQuoteList() {
    const ol = $("quote-list");
    ol.replaceChildren();
    let shown = 0;
    state.quotes.forEach((q, i) => {
      if (state.selected !== undefined && (q.speaker == null ? null : String(q.speaker)) !== state.selected) return;
      shown++;
      const sp = speakerOf(q);
      const li = el("li", sp ? sp.cls : "sp-none");
      const t = q.quote.length > 160 ? q.quote.slice(0, 157) + "…" : q.quote;
      li.appendChild(el("span", "q-text", `“${t}”`));
      li.appendChild(el("span", "q-who", `${q.speaker || "unattributed"} · ${kindOf(q)}`));
      li.addEventListener("click", () => focusQuote(i));
      ol.appendChild(li);
    });
    $("quote-list-title").textContent = `Quotations (${shown})`;
  }

  function focusQuote(i) {
    const m = $("article").querySelector(`mark.quote[data-qi="${i}"]`);
    if (!m) return;
    m.scrollIntoView({ block: "center", behavior: "smooth" });
    m.classList.remove("flash");
    void m.offsetWidth; // restart the animation
    m.classList.add("flash");
  }

  function selectSpeaker(key) {
    state.selected = key;
    const article = $("article");
    article.querySelectorAll("mark.quote").forEach((m) => {
      const q = state.quotes[Number(m.dataset.qi)];
      const k = q.speaker == null ? null : String(q.speaker);
      m.classList.toggle("off", key !== undefined && k !== key);
    });
    article.querySelectorAll(".cue, .mention").forEach((s) => {
      const keys = s.dataset.for.split(" ").map((i) => {
        const q = state.quotes[Number(i)];
        return q.speaker == null ? null : String(q.speaker);
      });
      s.classList.toggle("off-u", key !== undefined && !keys.includes(key));
    });
    $("show-all").hidden = key === undefined;
    renderSpeakers();
    renderQuoteList();
  }

  // ---- tooltip ------------------------------------------------------------------------
  function showTooltip(q, x, y) {
    const tip = $("tooltip");
    tip.replaceChildren();
    const dl = el("dl");
    const row = (k, v) => { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); };
    const who = q.speaker || "unattributed";
    row("Speaker", [who, q.speaker_type, q.speaker_role].filter(Boolean).join(" · "));
    if (q.speaker_gender) {
      row("Gender", (GENDER_WORD[q.speaker_gender] || q.speaker_gender) +
        (q.speaker_gender_source ? ` (from ${q.speaker_gender_source})` : ""));
    }
    if (q.speaker_mention && q.speaker_mention !== q.speaker) row("Mention", q.speaker_mention);
    row("Kind", kindOf(q));
    row("Cue", q.cue || "—");
    row("Channel", q.channel || "—");
    row("Confidence", typeof q.confidence === "number" ? q.confidence.toFixed(2) : "—");
    if (q.flags && q.flags.length) row("Flags", q.flags.join(", "));
    tip.appendChild(dl);
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    const left = Math.min(x + 14, window.innerWidth - w - 8);
    const top = y + 18 + h > window.innerHeight ? y - h - 12 : y + 18;
    tip.style.left = `${Math.max(8, left)}px`;
    tip.style.top = `${Math.max(8, top)}px`;
  }

  function hideTooltip() { $("tooltip").hidden = true; }

  function quoteAt(target) {
    const m = target.closest ? target.closest("mark.quote") : null;
    if (!m || m.classList.contains("off")) return null;
    return { mark: m, q: state.quotes[Number(m.dataset.qi)] };
  }

  function wireArticleEvents() {
    const article = $("article");
    article.addEventListener("mousemove", (ev) => {
      const hit = quoteAt(ev.target);
      if (hit) showTooltip(hit.q, ev.clientX, ev.clientY); else hideTooltip();
    });
    article.addEventListener("mouseleave", hideTooltip);
    article.addEventListener("focusin", (ev) => {
      const hit = quoteAt(ev.target);
      if (!hit) return;
      const r = hit.mark.getBoundingClientRect();
      showTooltip(hit.q, r.left, r.bottom);
    });
    article.addEventListener("focusout", hideTooltip);
    // hovering a cue or mention lights up the quotation(s) it belongs to
    article.addEventListener("mouseover", (ev) => {
      const u = ev.target.closest ? ev.target.closest(".cue, .mention") : null;
      article.querySelectorAll("mark.quote.hl").forEach((m) => m.classList.remove("hl"));
      if (!u) return;
      u.dataset.for.split(" ").forEach((i) => {
        article.querySelectorAll(`mark.quote[data-qi="${i}"]`).forEach((m) => m.classList.add("hl"));
      });
    });
  }

  // ---- showing a result ---------------------------------------------------------------
  function show(text, quotes, note) {
    state.text = text;
    state.quotes = quotes;
    state.selected = undefined;
    state.speakers = groupSpeakers(quotes);
    renderArticle($("article"), text, quotes);
    renderSpeakers();
    renderQuoteList();
    $("show-all").hidden = true;
    const named = state.speakers.filter((s) => s.key !== null).length;
    $("summary").textContent = `${quotes.length} quotation${quotes.length === 1 ? "" : "s"}, ` +
      `${named} speaker${named === 1 ? "" : "s"}${note ? " · " + note : ""}`;
    $("input-form").hidden = true;
    $("result").hidden = false;
  }

  function setStatus(msg, isError) {
    const s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  async function extract() {
    const text = $("input").value;
    if (!text.trim()) { setStatus("Paste an article or open a file first.", true); return; }
    const btn = $("extract");
    btn.disabled = true;
    setStatus("Extracting…");
    const t0 = performance.now();
    try {
      const body = await api("/api/extract", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text }),
      });
      setStatus("");
      show(text, body.quotes || [], `${((performance.now() - t0) / 1000).toFixed(2)} s`);
    } catch (e) {
      setStatus(e.message, true);
    } finally {
      btn.disabled = false;
    }
  }

  // ---- opening files ---------------------------------------------------------------------
  const BLOCK = new Set(["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "BLOCKQUOTE",
    "SECTION", "ARTICLE", "MAIN", "HEADER", "FIGCAPTION", "FIGURE", "PRE", "TABLE", "TR", "DL", "DT", "DD", "HR"]);
  const DROP = "script,style,noscript,template,iframe,object,embed,svg,math,canvas,form,button,select,nav,aside,footer";

  /** Text of an HTML document, parsed inert: <article>, else <main>, else <body>. */
  function htmlToText(source) {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const root = doc.querySelector("article") || doc.querySelector("main") || doc.body;
    if (!root) return "";
    root.querySelectorAll(DROP).forEach((n) => n.remove());
    const out = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) { out.push(node.nodeValue.replace(/\s+/g, " ")); return; }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      if (node.tagName === "BR") { out.push("\n"); return; }
      const block = BLOCK.has(node.tagName);
      if (block) out.push("\n\n");
      node.childNodes.forEach(walk);
      if (block) out.push("\n\n");
    };
    walk(root);
    let text = out.join("").replace(/[ \t]*\n[ \t]*/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
    const title = (doc.title || "").trim();
    if (title && !root.querySelector("h1") && !text.startsWith(title)) text = title + "\n\n" + text;
    return text;
  }

  function openFile(file) {
    if (!file) return;
    const reader = new FileReader();
    reader.onerror = () => setStatus(`Could not read ${file.name}.`, true);
    reader.onload = () => {
      const raw = String(reader.result || "");
      const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html" ||
        /^\s*(<!doctype html|<html)/i.test(raw);
      $("input").value = isHtml ? htmlToText(raw) : raw.replace(/\r\n?/g, "\n");
      $("input-form").hidden = false;
      $("result").hidden = true;
      setStatus(`Opened ${file.name}${isHtml ? " (text taken from the HTML)" : ""}. Press Extract.`);
    };
    reader.readAsText(file);
  }

  // ---- corpus tab ----------------------------------------------------------------------------
  const search = { params: null, offset: 0 };

  function hash(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    return h;
  }


  // ---- who is quoted, by gender (charts drawn by the vendored Chartist, /static/vendor) --------
  /** Chart sizes, in CSS pixels: a bar row (outlets, people), the room for axes and labels. */
  const CHART = { outletRow: 34, personRow: 26, axes: 40, minHeight: 120, labelWidth: 150, lineHeight: 220 };
  /** People in the top-people chart (and its CSV link in index.html). */
  const TOP_PEOPLE = 15;
  const pct = (share) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);
  const pctText = (share) => (share === null || share === undefined ? "—" : `${pct(share)}%`);

  function fillTable(id, rows, cells) {
    const tbody = $(id).querySelector("tbody");
    tbody.replaceChildren();
    rows.forEach((r) => {
      const tr = el("tr");
      cells(r).forEach(([text, cls]) => tr.appendChild(el("td", cls || null, text)));
      tbody.appendChild(tr);
    });
  }

  function sharesRow(label) {
    return (r) => [[label(r)], [r.people_women, "num"], [r.people_men, "num"], [r.people_unknown, "num"],
      [pctText(r.share_women), "num"]];
  }

  /** A value label at the end of each bar (text nodes only). */
  function labelBars(chart, text) {
    chart.on("draw", (d) => {
      if (d.type !== "bar" || d.value.x === null || d.value.x === undefined) return;
      d.group.elem("text", { x: d.x2 + 5, y: d.y2 + 4 }, "ct-bar-label").text(text(d));
    });
  }

  function note(id, msg) {
    const box = $(id);
    box.replaceChildren();
    if (msg) box.appendChild(el("p", "hint chart-empty", msg));
  }

  function drawMonths(rows) {
    const dated = rows.filter((r) => r.month);
    fillTable("table-month", rows, sharesRow((r) => r.month || "(no date)"));
    if (!dated.some((r) => r.share_women !== null)) { note("chart-month", "No dated article quotes a person whose gender is known."); return; }
    note("chart-month");
    new Chartist.LineChart("#chart-month", {
      labels: dated.map((r) => r.month),
      series: [dated.map((r) => pct(r.share_women))],
    }, {
      low: 0, high: 100, height: `${CHART.lineHeight}px`, lineSmooth: false, fullWidth: true,
      chartPadding: { top: 15, right: 40, left: 0 },
      axisY: { offset: 44, onlyInteger: true, labelInterpolationFnc: (v) => `${v}%` },
    });
  }

  function drawOutlets(rows) {
    fillTable("table-outlet", rows, sharesRow((r) => r.outlet || "(no outlet)"));
    const shown = rows.filter((r) => r.share_women !== null);
    if (!shown.length) { note("chart-outlet", "No outlet quotes a person whose gender is known."); return; }
    note("chart-outlet");
    // Chartist draws horizontal bars bottom up: rows reversed so the first is on top
    const up = shown.slice().reverse();
    const chart = new Chartist.BarChart("#chart-outlet", {
      labels: up.map((r) => r.outlet || "(no outlet)"),
      series: [up.map((r) => pct(r.share_women))],
    }, {
      horizontalBars: true, low: 0, high: 100,
      height: `${Math.max(CHART.minHeight, CHART.outletRow * shown.length + CHART.axes)}px`, chartPadding: { top: 15, right: 50 },
      axisY: { offset: CHART.labelWidth }, axisX: { onlyInteger: true, labelInterpolationFnc: (v) => `${v}%` },
    });
    labelBars(chart, (d) => `${d.value.x}%`);
  }

  function drawPeople(people) {
    fillTable("table-people", people, (p) => [[p.name], [GENDER_WORD[p.gender] || "unknown"],
      [p.quotes, "num"], [p.articles, "num"]]);
    if (!people.length) { note("chart-people", "No person is quoted."); return; }
    note("chart-people");
    // one series per gender (classes ct-series-a, -b, -c), a person's bar in their own;
    // rows reversed so the most quoted is on top
    const up = people.slice().reverse();
    const series = ["female", "male", null].map((g) => up.map((p) => (p.gender === g ? p.quotes : null)));
    const chart = new Chartist.BarChart("#chart-people", {
      labels: up.map((p) => p.name), series,
    }, {
      horizontalBars: true, stackBars: true, low: 0,
      height: `${Math.max(CHART.minHeight, CHART.personRow * people.length + CHART.axes)}px`, chartPadding: { top: 15, right: 40 },
      axisY: { offset: CHART.labelWidth }, axisX: { onlyInteger: true },
    });
    labelBars(chart, (d) => String(d.value.x));
  }

  /**
   * Chartist sets a few inline styles with setAttribute("style", ...), which the page's
   * Content-Security-Policy refuses (style-src 'self'). Set them through the CSSOM
   * instead, which the policy allows: the charts look as Chartist means them to, the
   * policy stays strict and the console quiet. Wraps Chartist.Svg#attr once.
   */
  function cspSafeChartist() {
    const Svg = window.Chartist && window.Chartist.Svg;
    if (!Svg || Svg.prototype.cspSafe) return;
    const attr = Svg.prototype.attr;
    Svg.prototype.attr = function (attrs, ns) {
      if (attrs && typeof attrs === "object" && typeof attrs.style === "string") {
        const rest = Object.assign({}, attrs);
        delete rest.style;
        this._node.style.cssText += ";" + attrs.style;
        return attr.call(this, rest, ns);
      }
      return attr.call(this, attrs, ns);
    };
    Svg.prototype.cspSafe = true;
  }

  async function loadSources() {
    cspSafeChartist();
    try {
      const [months, outlets, people] = await Promise.all([
        api("/api/corpus/sources?by=month"), api("/api/corpus/sources?by=outlet"),
        api(`/api/corpus/people?limit=${TOP_PEOPLE}`)]);
      drawMonths(months.rows);
      drawOutlets(outlets.rows);
      drawPeople(people.people);
      $("sources").dataset.ready = "1";
    } catch (e) {
      note("chart-month", e.message);
    }
  }

  async function loadTopSpeakers() {
    const tbody = $("top-speakers").querySelector("tbody");
    try {
      const body = await api("/api/corpus/speakers?limit=30");
      tbody.replaceChildren();
      body.speakers.forEach((s, i) => {
        const tr = el("tr", "sp-" + (i % PALETTE_SIZE));
        tr.appendChild(el("td", null, s.name));
        tr.appendChild(el("td", null, s.type || ""));
        tr.appendChild(el("td", null, s.role || ""));
        tr.appendChild(el("td", "num", s.n_quotes));
        tr.addEventListener("click", () => {
          const f = $("search-form");
          f.elements.speaker.value = s.name || "";
          f.elements.q.value = "";
          runSearch(true);
        });
        tbody.appendChild(tr);
      });
    } catch (e) {
      const tr = el("tr");
      tr.appendChild(el("td", null, e.message));
      tbody.replaceChildren(tr);
    }
  }

  async function runSearch(fresh) {
    const f = $("search-form");
    if (fresh) {
      const p = new URLSearchParams();
      ["q", "speaker", "date_from", "date_to"].forEach((k) => { if (f.elements[k].value) p.set(k, f.elements[k].value); });
      search.params = p;
      search.offset = 0;
      $("search-results").replaceChildren();
      closeCluster();
    }
    const p = new URLSearchParams(search.params);
    p.set("limit", "50");
    p.set("offset", String(search.offset));
    const st = $("search-status");
    st.classList.remove("error");
    st.textContent = "Searching…";
    try {
      const body = await api("/api/corpus/quotes?" + p.toString());
      const ol = $("search-results");
      body.quotes.forEach((q) => {
        const li = el("li", q.speaker ? "sp-" + (hash(String(q.speaker)) % PALETTE_SIZE) : "sp-none");
        li.appendChild(el("blockquote", null, `“${q.quote}”`));
        const meta = el("div", "meta");
        meta.appendChild(el("strong", null, q.speaker || "unattributed"));
        meta.appendChild(document.createTextNode(
          " · " + [q.outlet, q.date, q.cue ? `cue: ${q.cue}` : null].filter(Boolean).join(" · ") + " · "));
        const open = el("button", "link", "open article");
        open.type = "button";
        open.addEventListener("click", () => openStoredArticle(q.article_id));
        meta.appendChild(open);
        const where = el("button", "link", "where else?");
        where.type = "button";
        where.addEventListener("click", () => traceQuote(q.quote));
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(where);
        li.appendChild(meta);
        ol.appendChild(li);
      });
      search.offset += body.quotes.length;
      st.textContent = search.offset ? `${search.offset}${body.more ? "+" : ""} quotation` +
        `${search.offset === 1 && !body.more ? "" : "s"}` : "No quotation matches.";
      $("search-more").hidden = !body.more;
    } catch (e) {
      st.textContent = e.message;
      st.classList.add("error");
    }
  }

  async function openStoredArticle(id) {
    try {
      const art = await api("/api/corpus/articles/" + encodeURIComponent(String(id)));
      $("input").value = art.text || "";
      selectTab("article");
      show(art.text || "", art.quotes || [], [art.title, art.outlet, art.date].filter(Boolean).join(" · "));
    } catch (e) {
      $("search-status").textContent = e.message;
    }
  }

  // ---- provenance: clusters of one quotation across articles ------------------------------
  async function loadClusters() {
    const ol = $("clusters");
    try {
      const body = await api("/api/corpus/clusters?limit=30");
      ol.replaceChildren();
      body.clusters.forEach((c) => {
        const li = el("li", c.conflict ? "conflict" : null);
        li.appendChild(el("span", null, (c.conflict ? "⚠ " : "") + `“${c.canonical}”`));
        li.appendChild(el("div", "n", `${c.articles} articles · ${c.speakers.join(", ") || "unattributed"}`));
        li.addEventListener("click", () => openCluster(c.cluster_id));
        ol.appendChild(li);
      });
      if (!body.clusters.length) ol.appendChild(el("li", "n", "No quotation appears in two articles."));
    } catch (e) {
      ol.replaceChildren(el("li", "n", e.message));
    }
  }

  /** The printed quotation with its differences from the canonical wording marked. */
  function renderDiff(quote, segments) {
    const frag = document.createDocumentFragment();
    const chars = Array.from(quote);
    let pos = 0;
    segments.forEach((s) => {
      if (s.start > pos) frag.appendChild(document.createTextNode(chars.slice(pos, s.start).join("")));
      if (s.op === "missing") {
        if (s.start > 0) frag.appendChild(document.createTextNode(" "));
        const d = el("del", "diff-missing", s.text);
        d.title = "cut here";
        frag.appendChild(d);
        frag.appendChild(document.createTextNode(" "));
      } else {
        const t = chars.slice(s.start, s.end).join("");
        if (s.op === "added") frag.appendChild(el("ins", "diff-added", t));
        else if (s.op === "substituted") {
          const m = el("mark", "diff-sub", t);
          m.title = `first printed: ${s.canonical}`;
          frag.appendChild(m);
        } else frag.appendChild(document.createTextNode(t));
        pos = s.end;
      }
    });
    if (pos < chars.length) frag.appendChild(document.createTextNode(chars.slice(pos).join("")));
    return frag;
  }

  function showCluster(c) {
    $("search-results").hidden = true;
    $("search-more").hidden = true;
    $("cluster-view").hidden = false;
    $("cluster-canonical").textContent = `“${c.canonical}”`;
    $("cluster-meta").textContent = `${c.articles} article${c.articles === 1 ? "" : "s"} · first: ` +
      `${c.first_date || "undated"} (${c.first_article}) · outlets: ${c.outlets.join(", ") || "–"} · credited to: ` +
      `${c.speakers.join(", ") || "nobody"}` + (c.conflict ? " · ⚠ credited to different people" : "");
    const ol = $("cluster-appearances");
    ol.replaceChildren();
    c.appearances.forEach((a) => {
      const li = el("li", (a.speaker ? "sp-" + (hash(String(a.speaker)) % PALETTE_SIZE) : "sp-none") +
        (a.conflict ? " conflict" : ""));
      const bq = el("blockquote");
      bq.appendChild(renderDiff(a.quote, a.segments));
      li.appendChild(bq);
      const meta = el("div", "meta");
      meta.appendChild(el("strong", null, a.speaker || "unattributed"));
      if (a.conflict) meta.appendChild(el("span", "badge-conflict", "credited to someone else"));
      meta.appendChild(document.createTextNode(" · " + [a.date || "undated", a.outlet, a.article_id,
        a.kinds.length ? a.kinds.join(", ") : (a.canonical ? "first wording" : "same words")].filter(Boolean).join(" · ") + " · "));
      const open = el("button", "link", "open article");
      open.type = "button";
      open.addEventListener("click", () => openStoredArticle(a.article_id));
      meta.appendChild(open);
      li.appendChild(meta);
      ol.appendChild(li);
    });
  }

  async function openCluster(id) {
    try {
      showCluster(await api("/api/corpus/clusters/" + encodeURIComponent(String(id))));
    } catch (e) {
      $("search-status").textContent = e.message;
    }
  }

  async function traceQuote(text) {
    try {
      const body = await api("/api/corpus/trace?q=" + encodeURIComponent(text));
      if (body.clusters.length) showCluster(body.clusters[0]);
      else $("search-status").textContent = "This quotation appears nowhere else.";
    } catch (e) {
      $("search-status").textContent = e.message;
    }
  }

  function closeCluster() {
    $("cluster-view").hidden = true;
    $("search-results").hidden = false;
  }

  function selectTab(name) {
    document.querySelectorAll(".tabs button").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
    $("tab-article").hidden = name !== "article";
    $("tab-corpus").hidden = name !== "corpus";
    if (name === "corpus" && !$("top-speakers").querySelector("tbody tr")) { loadTopSpeakers(); loadClusters(); }
    if (name === "corpus" && !$("sources").dataset.ready && window.Chartist) loadSources();
  }

  // ---- wiring ----------------------------------------------------------------------------------
  function init() {
    $("input-form").addEventListener("submit", (ev) => { ev.preventDefault(); extract(); });
    $("input").addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); extract(); }
    });
    $("file").addEventListener("change", (ev) => { openFile(ev.target.files[0]); ev.target.value = ""; });
    const ta = $("input");
    ta.addEventListener("dragover", (ev) => { ev.preventDefault(); ta.classList.add("dragover"); });
    ta.addEventListener("dragleave", () => ta.classList.remove("dragover"));
    ta.addEventListener("drop", (ev) => {
      ev.preventDefault();
      ta.classList.remove("dragover");
      if (ev.dataTransfer.files.length) openFile(ev.dataTransfer.files[0]);
    });
    $("edit").addEventListener("click", () => {
      $("result").hidden = true;
      $("input-form").hidden = false;
      hideTooltip();
      $("input").focus();
    });
    $("show-all").addEventListener("click", () => selectSpeaker(undefined));
    document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => selectTab(b.dataset.tab)));
    $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSearch(true); });
    $("search-more").addEventListener("click", () => runSearch(false));
    $("cluster-back").addEventListener("click", closeCluster);
    wireArticleEvents();
    api("/api/info").then((info) => {
      state.info = info;
      $("tab-btn-corpus").hidden = !info.corpus;
    }).catch(() => {});
    document.body.dataset.ready = "1";
  }

  // exposed for tests and the console; not used by the page itself
  window.saidwhat = { htmlToText, renderArticle, renderDiff, openCluster, state };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
