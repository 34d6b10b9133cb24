// The clinician page: ask (streamed when a model is configured), verify each sentence against its highlighted
// passage in one click, filter (state in the URL), export references, give feedback, or search passages only.
// Every text from the corpus is inserted as text nodes (see common.js): no markup in a document can run.

import { $, el, t, uiLang, safeUrl, call, postJson, setupLanguageToggle, num, ensureSession, failure } from "./common.js";
import { exportText } from "./vancouver.js";

const FILTER_FIELDS = ["source", "type", "lang", "from", "to"];
const state = { answer: null, search: null, status: null, exported: "", blobUrl: null, confirmedText: null };

// ---------------------------------------------------------------- form and URL

function readForm() {
  const f = { q: $("question").value.trim() };
  FILTER_FIELDS.forEach((k) => { f[k] = $(k).value.trim(); });
  return f;
}

function writeForm(params) {
  $("question").value = params.get("q") || "";
  FILTER_FIELDS.forEach((k) => { $(k).value = params.get(k) || ""; });
}

/**
 * The shareable URL of a question with its filters, in the fragment, which browsers never send to a server (no
 * access log, no Referer): #q=...&source=who&from=2015&lang=fr&type=guideline. A question sent despite the
 * patient-data warning is left out of it.
 */
function urlOf(f, view, keepQuestion) {
  const p = new URLSearchParams();
  if (keepQuestion) p.set("q", f.q);
  FILTER_FIELDS.forEach((k) => { if (f[k]) p.set(k, f[k]); });
  if (view === "search") p.set("view", "search");
  const ui = new URLSearchParams(location.search).get("ui");
  return location.pathname + (ui ? "?ui=" + encodeURIComponent(ui) : "") + "#" + p;
}

/** The question and filters of the page's URL: the fragment, or the query of a link made before it moved there. */
function urlParams() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.has("q") || hash.has("view")) return hash;
  return new URLSearchParams(location.search);
}

function filtersJson(f) {
  const out = {};
  if (f.source) out.source = [f.source];
  if (f.type) out.type = [f.type];
  if (f.lang) out.lang = [f.lang];
  if (f.from) out.from = Number(f.from);
  if (f.to) out.to = Number(f.to);
  return out;
}

// ---------------------------------------------------------------- messages

function showError(message) {
  $("error").hidden = false;
  $("error").textContent = message;
}

function announce(text) {
  $("live").textContent = text;
}

// ---------------------------------------------------------------- passages

const ORIGINAL = { pubmed: "PubMed", pmc: "PubMed Central", has: "HAS", who: "WHO IRIS" };

function sourceBadge(p) {
  return el("span", { class: "badge " + p.source }, p.source === "who" ? "OMS / WHO" : p.sourceLabel || p.source.toUpperCase());
}

function metaLine(p) {
  const parts = [];
  if (p.year) parts.push(String(p.year));
  if (p.page) parts.push(t("page", { n: p.page }));
  if (p.section) parts.push(p.section);
  return parts.join(" · ");
}

function originalLink(p) {
  const href = safeUrl(p.url);
  if (!href) return "";
  return el("a", { href, target: "_blank", rel: "noopener noreferrer", class: "original" },
    ORIGINAL[p.source] ? t("originalAt", { where: ORIGINAL[p.source] }) : t("original"));
}

/** The passage text with marks: {@code current} is the span supporting the sentence being checked. */
function highlighted(text, ranges, current) {
  const all = [...(ranges || []).map((r) => ({ ...r, cls: "" }))];
  if (current) all.push({ ...current, cls: "current" });
  all.sort((a, b) => a.start - b.start || (b.cls ? 1 : -1));
  const out = [];
  let at = 0;
  all.forEach((r) => {
    if (r.start < at || r.end <= r.start) return;
    out.push(text.slice(at, r.start), el("mark", { class: r.cls }, text.slice(r.start, r.end)));
    at = r.end;
  });
  out.push(text.slice(at));
  return out;
}

/** Where a sentence sits in its passage (extractive sentences are verbatim), or null. */
function spanOf(sentence, text) {
  if (!sentence) return null;
  const s = sentence.replace(/\s*(\[\d+\])+\s*$/, "").trim();
  const at = text.indexOf(s);
  return at >= 0 ? { start: at, end: at + s.length } : null;
}

let lastChip = null;

function openPassage(p, sentence, chip) {
  const current = spanOf(sentence, p.text);
  $("panel-body").replaceChildren(
    el("p", { class: "panel-source" }, sourceBadge(p), el("span", { class: "meta" }, metaLine(p))),
    el("h3", { class: "panel-doc-title" }, p.title),
    sentence && !current ? el("p", { class: "panel-claim" }, uiLang() === "fr" ? "« " + sentence + " »" : "“" + sentence + "”") : "",
    el("blockquote", { class: "ptext", id: "panel-text" }, highlighted(p.text, current ? [] : p.highlights, current)),
    el("p", {}, originalLink(p), " ", el("span", { class: "meta docid" }, p.docId)));
  $("panel").hidden = false;
  document.querySelectorAll(".chip[aria-pressed=true]").forEach((c) => c.setAttribute("aria-pressed", "false"));
  if (chip) { chip.setAttribute("aria-pressed", "true"); lastChip = chip; }
  document.querySelectorAll(".passages li").forEach((li) => li.classList.toggle("active", li.dataset.n === String(p.n)));
  $("panel").focus({ preventScroll: true });
  if (window.matchMedia("(max-width: 960px)").matches) $("panel").scrollIntoView({ block: "start" });
}

function closePanel() {
  $("panel").hidden = true;
  if (lastChip) lastChip.focus();
}

function passageItem(p, n) {
  return el("li", { "data-n": String(n) },
    el("div", { class: "phead" }, sourceBadge(p), el("strong", {}, "[" + n + "] "),
      el("button", { type: "button", class: "linkish", onclick: () => openPassage(p, null, null) }, p.title)),
    el("div", { class: "meta" }, metaLine(p)),
    el("p", { class: "ptext" }, highlighted(p.text, p.highlights, null)),
    el("div", { class: "meta" }, originalLink(p), " ", el("span", { class: "docid" }, p.docId)));
}

function showPassages(title, passages, numberOf) {
  $("sources").hidden = false;
  $("sources-title").textContent = title;
  $("passages").replaceChildren(...passages.map((p) => passageItem(p, numberOf(p))));
}

// ---------------------------------------------------------------- answer

function chipsOf(s, a) {
  return s.citations.map((n) => {
    const p = a.passages.find((x) => x.n === n);
    return el("button", {
      type: "button", class: "chip", "aria-pressed": "false", "aria-label": t("chipLabel", { n }),
      disabled: !p, onclick: (e) => openPassage(p, s.text, e.currentTarget),
    }, "[" + n + "]");
  });
}

/** "12 ms CPU · 0 jeton · ≈ 0,033 mWh": the answer's CPU time, model tokens and energy estimate (method on /about). */
function footprint(f) {
  if (!f) return "—";
  const n = (x, o) => x.toLocaleString(uiLang() === "fr" ? "fr-FR" : "en-GB", o);
  const mwh = n(f.energyWh * 1000, { maximumSignificantDigits: 2 });
  return t("footprintValue", { cpu: n(Math.round(f.retrievalCpuMs + f.answerCpuMs)),
    tokens: n(f.tokensSent + f.tokensReceived), mwh });
}

function transparencyRows(a) {
  const m = a.model || { endpoint: "local" };
  const local = m.endpoint === "local";
  const corpusDate = state.status && state.status.corpusVersion === a.corpusVersion && state.status.corpusDate
    ? " (" + state.status.corpusDate + ")" : "";
  return [
    [t("tMode"), a.modeLabel],
    [t("tModel"), local ? "—" : m.provider + " · " + m.model + " · " + m.endpoint],
    [t("tHealthData"), local ? t("hdsLocal") : m.healthDataApproved ? t("hdsYes") : t("hdsNo")],
    [t("tCorpus"), a.corpusVersion + corpusDate],
    [t("tTime"), Math.round(a.timings.totalMs) + " ms"],
    [t("tFootprint"), footprint(a.footprint)],
  ].flatMap(([k, v]) => [el("dt", {}, k), el("dd", { "data-key": k }, v)]);
}

function renderAnswer(a) {
  state.answer = a;
  state.search = null;
  $("answer").hidden = false;
  $("answer").removeAttribute("aria-busy");
  $("draft").hidden = true;
  $("panel").hidden = true;
  $("warnings").replaceChildren(...(a.warnings || []).map((w) => el("li", {}, w)));
  $("warnings").hidden = !(a.warnings || []).length;
  const partial = a.coverage === "partial";
  const first = a.sentences.find((s) => s.delivered);
  const lead = partial && first ? a.answer.slice(0, a.answer.indexOf(first.text)).trim() : "";
  $("abstention").hidden = !a.abstained && !partial;
  $("abstention").className = partial ? "abstention partial" : "abstention";
  $("abstention").dataset.coverage = a.coverage || "";
  $("abstention").replaceChildren(...(a.abstained ? [el("strong", {}, t("abstained")), el("p", {}, a.answer)]
    : partial ? [el("strong", {}, t("partial")), el("p", {}, lead)] : []));
  $("sentences").replaceChildren(...a.sentences.filter((s) => s.delivered).map((s) => {
    const flagged = s.verdict !== "supported";
    return el("li", { class: flagged ? "flagged" : "", "data-verdict": s.verdict },
      flagged ? el("span", { class: "flag" }, "⚠ " + t("unverified") + " : ") : "",
      el("span", { class: "stext" }, s.text), " ", chipsOf(s, a),
      flagged ? el("div", { class: "reason" }, t("reason", { reason: s.reason })) : "");
  }));
  const removed = a.sentences.filter((s) => !s.delivered);
  $("removed").hidden = removed.length === 0;
  $("removed-list").replaceChildren(...removed.map((s) =>
    el("li", {}, el("span", { class: "verdict " + s.verdict }, t("verdict_" + s.verdict)), " ",
      el("del", {}, s.text), " ", s.citations.map((n) => "[" + n + "]").join(""),
      el("div", { class: "reason" }, t("reason", { reason: s.reason })))));
  $("transparency-list").replaceChildren(...transparencyRows(a));
  $("notice").textContent = a.notice;
  $("actions").hidden = a.abstained;
  $("export").hidden = a.abstained;
  resetFeedback();
  showPassages(a.abstained ? t("closest") : t("cited"), a.passages, (p) => p.n);
  announce(a.abstained ? t("abstainedLive") : t("answerReady", { n: a.sentences.filter((s) => s.delivered).length }));
  if (!a.abstained) prepareExport(a);
}

/** Reads Server-Sent Events from a fetch response: the model's draft streams in, then the verified answer replaces it. */
async function askStreaming(question, filters) {
  const res = await fetch("/api/ask/stream", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question, filters }),
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw failure(res, body, "/api/ask/stream");
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let answer = null;
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
        $("draft").hidden = false;
        $("draft").replaceChildren(el("strong", {}, t("draftLabel") + " "));
        showPassages(t("given"), data, (p) => p.n);
      } else if (event === "token") {
        $("draft").append(data.text);
      } else if (event === "answer") {
        answer = data;
      } else if (event === "error") {
        throw new Error(data.error);
      }
    }
  }
  if (!answer) throw new Error(uiLang() === "en" ? "the answer was interrupted" : "la réponse a été interrompue");
  return answer;
}

function clearResults() {
  $("error").hidden = true;
  $("panel").hidden = true;
  $("answer").hidden = true;
  $("sources").hidden = true;
}

async function ask(f) {
  clearResults();
  $("answer").hidden = false;
  $("answer").setAttribute("aria-busy", "true");
  ["warnings", "abstention", "removed", "actions", "export"].forEach((id) => { $(id).hidden = true; });
  $("sentences").replaceChildren();
  $("transparency-list").replaceChildren();
  $("notice").textContent = "";
  $("draft").hidden = false;
  $("draft").textContent = t("drafting");
  $("ask").disabled = true;
  try {
    renderAnswer(await askStreaming(f.q, filtersJson(f)));
  } catch (e) {
    $("answer").hidden = true;
    showError(e.message);
  } finally {
    $("ask").disabled = false;
  }
}

// ---------------------------------------------------------------- search (passages only)

function renderSearch(r) {
  state.search = r;
  state.answer = null;
  $("answer").hidden = true;
  showPassages(t("hits", { n: r.hits.length, retriever: r.retriever }),
    r.hits.map((h) => ({ ...h, n: h.rank, highlights: [] })), (p) => p.n);
  if (!r.hits.length) $("passages").replaceChildren(el("li", { class: "empty" }, t("noHits")));
  announce(t("hits", { n: r.hits.length, retriever: r.retriever }));
}

async function search(f) {
  clearResults();
  announce(t("searching"));
  try { renderSearch(await postJson("/api/search", { q: f.q, k: 10, filters: filtersJson(f) })); } catch (e) { showError(e.message); }
}

// ---------------------------------------------------------------- patient-data guard

/**
 * Asks the guard first; with findings, shows a warning and waits for "edit" or "send anyway". When the guard cannot
 * be reached, it fails closed: the question waits behind a warning too. {@code go(false)} means the clinician sent
 * it despite the warning (the page's URL then leaves it out).
 */
async function guarded(f, go) {
  $("guard").hidden = true;
  if (state.confirmedText === f.q) { go(false); return; }
  let findings = [];
  let unavailable = false;
  try { findings = (await postJson("/api/guard", { text: f.q })).findings || []; } catch (e) {
    if (e.status === 401) return; // the login form is back; the clinician sends the question again after it
    unavailable = true;
  }
  if (!findings.length && !unavailable) { go(true); return; }
  const types = [...new Set(findings.map((x) => x.type))].map((x) => t("guard_" + x));
  $("guard-text").textContent = unavailable ? t("guardUnavailable") : t("guardWarning", { types: types.join(", ") });
  $("guard").hidden = false;
  $("guard-send").onclick = () => { state.confirmedText = f.q; $("guard").hidden = true; go(false); };
  $("guard-send").focus();
}

function submit(view) {
  const f = readForm();
  if (!f.q) { $("question").focus(); return; }
  guarded(f, (clean) => {
    history.pushState({ view }, "", urlOf(f, view, clean));
    run(view, f);
  });
}

function run(view, f) {
  return view === "search" ? search(f) : ask(f);
}

// ---------------------------------------------------------------- export and feedback

function today() {
  const d = new Date();
  const pad = (x) => String(x).padStart(2, "0");
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

async function prepareExport(a) {
  const metadata = {};
  await Promise.all([...new Set(a.passages.map((p) => p.docId))].map(async (id) => {
    try { metadata[id] = (await call("/api/documents/" + encodeURIComponent(id))).document.metadata || {}; } catch (e) { metadata[id] = {}; }
  }));
  if (state.answer !== a) return;
  state.exported = exportText(a, metadata, uiLang(), today());
  $("export-text").textContent = state.exported;
  if (state.blobUrl) URL.revokeObjectURL(state.blobUrl);
  state.blobUrl = URL.createObjectURL(new Blob([state.exported], { type: "text/plain;charset=utf-8" }));
  $("download-refs").href = state.blobUrl;
  $("download-refs").dataset.ready = "true";
}

async function copyExport() {
  try {
    await navigator.clipboard.writeText(state.exported);
    $("export-status").textContent = t("copied");
  } catch (e) {
    $("export").open = true;
    const range = document.createRange();
    range.selectNodeContents($("export-text"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $("export-status").textContent = t("copyFailed");
  }
}

function resetFeedback() {
  $("fb-status").textContent = "";
  $("fb-correction").value = "";
  $("fb-correction-box").hidden = true;
  document.querySelectorAll("#feedback button").forEach((b) => { b.disabled = false; });
}

async function sendFeedback(rating) {
  const a = state.answer;
  if (!a) return;
  const body = { answerId: a.id, rating };
  const correction = $("fb-correction").value.trim();
  if (rating === "incorrect" && correction) body.correction = correction;
  try {
    const r = await postJson("/api/feedback", body);
    $("fb-status").textContent = t("fbThanks", { id: r.id });
    $("fb-status").dataset.rating = r.rating;
    document.querySelectorAll("#feedback button").forEach((b) => { b.disabled = true; });
    $("fb-correction-box").hidden = true;
  } catch (e) {
    $("fb-status").textContent = t("fbFailed", { error: e.message });
  }
}

// ---------------------------------------------------------------- status

async function refreshStatus() {
  try {
    const s = await call("/api/status");
    state.status = s;
    const ix = s.indexing;
    let text = t("status", { docs: num(s.counts.documents), passages: num(s.counts.passages), version: s.corpusVersion });
    if (s.status === "indexing" && ix.passagesTotal > 0) {
      text += " · " + t("indexing", { pct: Math.round(100 * ix.passagesDone / ix.passagesTotal) });
    }
    $("status").textContent = text;
    if (s.status === "indexing") setTimeout(refreshStatus, 3000);
  } catch (e) { $("status").textContent = t("unreachable"); }
}

// ---------------------------------------------------------------- start

function rerender() {
  refreshStatus();
  if (state.answer) renderAnswer(state.answer);
  else if (state.search) renderSearch(state.search);
}

function fromUrl(useGuard) {
  const params = urlParams();
  writeForm(params);
  const f = readForm();
  const view = params.get("view") === "search" ? "search" : "answer";
  if (new URLSearchParams(location.search).has("q")) history.replaceState(history.state, "", urlOf(f, view, true));
  if (!f.q) { clearResults(); return; }
  if (useGuard) guarded(f, () => run(view, f)); else run(view, f);
}

document.addEventListener("DOMContentLoaded", () => {
  setupLanguageToggle(rerender);
  $("ask-form").addEventListener("submit", (e) => { e.preventDefault(); submit("answer"); });
  $("search").addEventListener("click", () => submit("search"));
  $("guard-edit").addEventListener("click", () => { $("guard").hidden = true; $("question").focus(); });
  $("panel-close").addEventListener("click", closePanel);
  $("panel").addEventListener("keydown", (e) => { if (e.key === "Escape") closePanel(); });
  $("copy-refs").addEventListener("click", copyExport);
  $("fb-useful").addEventListener("click", () => sendFeedback("useful"));
  $("fb-not-useful").addEventListener("click", () => sendFeedback("not_useful"));
  $("fb-incorrect").addEventListener("click", () => { $("fb-correction-box").hidden = false; $("fb-correction").focus(); });
  $("fb-send").addEventListener("click", () => sendFeedback("incorrect"));
  window.addEventListener("popstate", () => fromUrl(false));
  ensureSession().then(() => {
    refreshStatus();
    fromUrl(true); // a shared link such as /#q=...&source=has asks at once
  });
});
