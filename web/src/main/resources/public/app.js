// Preuve minimal page. Every text from the corpus is inserted with textContent: no HTML from a document can run.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.entries(props || {}).forEach(([k, v]) => {
    if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
  });
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return e;
}

function filters() {
  const f = {};
  if ($("source").value) f.source = [$("source").value];
  if ($("from").value) f.from = Number($("from").value);
  if ($("to").value) f.to = Number($("to").value);
  return f;
}

function showError(message) {
  $("error").hidden = false;
  $("error").textContent = message;
}

async function call(url, options) {
  const res = await fetch(url, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || res.status + " " + res.statusText);
  return body;
}

function reference(p) {
  const parts = [p.title];
  if (p.year) parts.push(String(p.year));
  if (p.page) parts.push("p. " + p.page);
  if (p.section) parts.push(p.section);
  return parts.join(" · ");
}

function highlighted(text, ranges) {
  const out = [];
  let at = 0;
  [...(ranges || [])].sort((a, b) => a.start - b.start).forEach((r) => {
    if (r.start < at) return;
    out.push(text.slice(at, r.start), el("mark", {}, text.slice(r.start, r.end)));
    at = r.end;
  });
  out.push(text.slice(at));
  return out;
}

function passageItem(p, n) {
  const link = p.url ? el("a", { href: p.url, target: "_blank", rel: "noopener noreferrer" }, "Voir l'original") : "";
  return el("li", { id: "passage-" + n, tabIndex: -1 },
    el("div", {}, el("span", { class: "badge " + p.source }, p.sourceLabel || p.source), el("strong", {}, "[" + n + "] "), reference(p)),
    el("p", { class: "ptext" }, highlighted(p.text, p.highlights)),
    el("div", { class: "meta" }, p.docId, " ", link));
}

function focusPassage(n) {
  document.querySelectorAll(".passages li").forEach((li) => li.classList.remove("active"));
  const li = $("passage-" + n);
  if (li) { li.classList.add("active"); li.scrollIntoView({ behavior: "smooth", block: "center" }); li.focus(); }
}

function modelLine(a) {
  const m = a.model || { endpoint: "local" };
  if (m.endpoint === "local") return "rien n'a quitté la machine";
  return m.provider + " " + m.model + " @ " + m.endpoint + (m.healthDataApproved ? " (hébergeur agréé HDS)" : " (non agréé HDS)");
}

function chipsOf(s) {
  return s.citations.map((n) => el("button", { type: "button", class: "chip", title: "Voir la source " + n, onclick: () => focusPassage(n) }, "[" + n + "]"));
}

function renderAnswer(a) {
  $("answer").hidden = false;
  $("sources").hidden = false;
  $("draft").hidden = true;
  $("meta").textContent = "Mode : " + a.modeLabel + " · " + modelLine(a) + " · corpus " + a.corpusVersion + " · " + Math.round(a.timings.totalMs) + " ms";
  $("notice").textContent = a.notice;
  $("warnings").replaceChildren(...(a.warnings || []).map((w) => el("li", {}, w)));
  $("warnings").hidden = !(a.warnings || []).length;
  const list = $("sentences");
  list.replaceChildren();
  if (a.abstained) {
    list.append(el("li", { class: "abstained" }, a.answer));
  }
  a.sentences.filter((s) => s.delivered).forEach((s) => {
    const flagged = s.verdict !== "supported";
    list.append(el("li", flagged ? { class: "flagged", title: s.reason } : {}, flagged ? el("strong", {}, "⚠ non vérifié : ") : "", s.text, chipsOf(s),
      flagged ? el("div", { class: "reason" }, s.reason) : ""));
  });
  const removed = a.sentences.filter((s) => !s.delivered);
  $("removed").hidden = removed.length === 0;
  $("removed-list").replaceChildren(...removed.map((s) =>
    el("li", {}, el("span", { class: "verdict " + s.verdict }, s.verdict === "invalid_citation" ? "citation invalide" : "non étayée"), " ",
      s.text, " ", s.citations.map((n) => "[" + n + "]").join(""), el("div", { class: "reason" }, s.reason))));
  $("sources-title").textContent = a.abstained ? "Passages les plus proches" : "Sources citées";
  $("passages").replaceChildren(...a.passages.map((p) => passageItem(p, p.n)));
}

/** Reads Server-Sent Events from a fetch response: the model's draft streams in, then the verified answer replaces it. */
async function askStreaming(question) {
  const res = await fetch("/api/ask/stream", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question, filters: filters() }) });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(body.error || res.status + " " + res.statusText);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let answer = null;
  $("draft").textContent = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = (block.match(/^event: (.*)$/m) || [])[1];
      const data = JSON.parse((block.match(/^data: (.*)$/m) || [])[1] || "null");
      if (event === "passages") {
        $("answer").hidden = false;
        $("sentences").replaceChildren();
        $("removed").hidden = true;
        $("warnings").hidden = true;
        $("meta").textContent = "Rédaction en cours, puis vérification phrase par phrase…";
        $("draft").hidden = false;
        $("sources").hidden = false;
        $("sources-title").textContent = "Passages fournis au modèle";
        $("passages").replaceChildren(...data.map((p) => passageItem(p, p.n)));
      } else if (event === "token") {
        $("draft").textContent += data.text;
      } else if (event === "answer") {
        answer = data;
      } else if (event === "error") {
        throw new Error(data.error);
      }
    }
  }
  if (!answer) throw new Error("la réponse a été interrompue");
  return answer;
}

function renderSearch(r) {
  $("answer").hidden = true;
  $("sources").hidden = false;
  $("sources-title").textContent = r.hits.length + " passages (" + r.retriever + ")";
  $("passages").replaceChildren(...r.hits.map((h) => passageItem({ ...h, sourceLabel: h.source.toUpperCase() }, h.rank)));
}

async function ask(event) {
  if (event) event.preventDefault();
  $("error").hidden = true;
  const question = $("question").value.trim();
  if (!question) return;
  $("ask").disabled = true;
  const shared = new URLSearchParams({ q: question });
  Object.entries(filters()).forEach(([k, v]) => shared.set(k, Array.isArray(v) ? v[0] : v));
  history.replaceState(null, "", "?" + shared);
  try {
    renderAnswer(await askStreaming(question));
  } catch (e) { showError(e.message); } finally { $("ask").disabled = false; }
}

async function search() {
  $("error").hidden = true;
  const q = $("question").value.trim();
  if (!q) return;
  const params = new URLSearchParams({ q, k: "10" });
  const f = filters();
  if (f.source) params.append("source", f.source[0]);
  if (f.from) params.append("from", f.from);
  if (f.to) params.append("to", f.to);
  try { renderSearch(await call("/api/search?" + params)); } catch (e) { showError(e.message); }
}

async function refreshStatus() {
  try {
    const s = await call("/api/status");
    const ix = s.indexing;
    let text = s.counts.documents + " documents, " + s.counts.passages + " passages · corpus " + s.corpusVersion;
    if (s.status === "indexing" && ix.passagesTotal > 0) {
      text += " · indexation " + Math.round(100 * ix.passagesDone / ix.passagesTotal) + " %";
    }
    $("status").textContent = text;
    if (s.status === "indexing") setTimeout(refreshStatus, 3000);
  } catch (e) { $("status").textContent = "serveur injoignable"; }
}

document.addEventListener("DOMContentLoaded", () => {
  $("ask-form").addEventListener("submit", ask);
  $("search").addEventListener("click", search);
  refreshStatus();
  // A shared link such as /?q=...&source=has asks at once.
  const params = new URLSearchParams(location.search);
  if (params.get("q")) {
    $("question").value = params.get("q");
    if (params.get("source")) $("source").value = params.get("source");
    if (params.get("from")) $("from").value = params.get("from");
    if (params.get("to")) $("to").value = params.get("to");
    ask();
  }
});
