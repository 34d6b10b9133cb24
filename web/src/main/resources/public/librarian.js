// The librarian page: corpus status and indexing progress from GET /api/status; declared sources with their last
// run and failures (GET /api/corpus), versions (GET /api/corpus/versions) and their diff (GET /api/corpus/diff)
// where the server offers them, and a plain "not available" where it does not.

import { $, el, t, call, num, setupLanguageToggle } from "./common.js";

const POLL_MS = 2000;
let timer = null;

function unavailable(path) {
  return el("p", { class: "unavailable" }, t("libUnavailable", { path }));
}

function table(headers, rows) {
  return el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) =>
      typeof c === "number" ? el("td", { class: "num" }, num(c)) : el("td", {}, c))))));
}

function pairs(list) {
  return list.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]);
}

function renderStatus(s) {
  $("counts").replaceChildren(...pairs([
    [t("libName"), s.corpus + (s.description ? " — " + s.description : "")],
    [t("libVersion"), s.corpusVersion || "—"],
    [t("libDate"), s.corpusDate || "—"],
    [t("libState"), t("libState_" + s.status)],
    [t("libDocuments"), num(s.counts.documents)],
    [t("libPassages"), num(s.counts.passages)],
    [t("libModel"), s.model],
  ]));
  const per = Object.entries(s.counts.perSource || {});
  $("per-source").replaceChildren(table([t("libSource"), t("libDocuments"), t("libPassages")],
    per.map(([k, c]) => [k, c.documents, c.passages])));
  const ix = s.indexing;
  const running = ix.state === "reading" || ix.state === "embedding";
  const out = [];
  if (running) {
    out.push(el("progress", { max: Math.max(ix.passagesTotal, 1), value: ix.passagesDone, "aria-label": t("libIndexing") }));
    out.push(el("p", {}, t("libRunning", { done: num(ix.passagesDone), total: ix.passagesTotal > 0 ? num(ix.passagesTotal) : "?",
      rate: ix.ratePerSecond.toFixed(1), eta: ix.etaSeconds >= 0 ? ix.etaSeconds : "?" }) + (ix.source ? " · " + ix.source : "")));
  } else if (ix.state === "done") {
    out.push(el("p", {}, t("libDone", { message: ix.message || "" })));
  } else if (ix.state === "failed") {
    out.push(el("p", { class: "error" }, t("libFailed", { message: ix.message || "" })));
  } else {
    out.push(el("p", {}, t("libIdle") + (ix.message ? " (" + ix.message + ")" : "")));
  }
  if (ix.failures > 0) out.push(el("p", { class: "reason" }, t("libFailuresCount", { n: ix.failures })));
  $("indexing").replaceChildren(...out);
  clearTimeout(timer);
  if (running) timer = setTimeout(refresh, POLL_MS);
}

/** GET /api/corpus: per source name, type, licence, documents, passages, last run, failures [{location, reason}]. */
function renderSources(body) {
  const sources = body.sources || body;
  $("sources").replaceChildren(table(
    [t("libName"), t("libType"), t("libLicence"), t("libDocuments"), t("libPassages"), t("libLastRun"), t("libFailures")],
    sources.map((s) => [s.name, s.type || "", s.licence || "", s.documents ?? "", s.passages ?? "",
      typeof s.lastRun === "object" && s.lastRun ? (s.lastRun.date || s.lastRun.finishedAt || JSON.stringify(s.lastRun)) : (s.lastRun || ""),
      (s.failures || []).length
        ? el("ul", {}, s.failures.map((f) => el("li", {}, el("code", {}, f.location), " : ", f.reason)))
        : t("libNone")])));
}

function versionLabel(v) {
  return v.version + (v.date ? " (" + v.date + ")" : "");
}

/** GET /api/corpus/versions, newest first; two selects and a button ask for the diff between two of them. */
function renderVersions(body) {
  const versions = body.versions || body;
  const counts = (v) => v.counts ? num(v.counts.documents ?? 0) + " / " + num(v.counts.passages ?? 0) : "";
  const size = (x) => Array.isArray(x) ? x.length : (x ?? "");
  const pick = (id, label, selected) => el("label", {}, label + " ",
    el("select", { id }, versions.map((v, i) => el("option", { value: v.version, selected: i === selected }, versionLabel(v)))));
  $("versions").replaceChildren(
    table([t("libVersion"), t("libDate"), t("libDocuments") + " / " + t("libPassages"), t("libAdded"), t("libChanged"), t("libRemoved")],
      versions.map((v) => [v.version, v.date || "", counts(v), size(v.added), size(v.changed), size(v.removed)])),
    versions.length > 1
      ? el("div", { class: "row" }, pick("diff-from", t("libFrom"), 1), pick("diff-to", t("libTo"), 0),
        el("button", { type: "button", onclick: showDiff }, t("libCompare")))
      : "");
}

async function showDiff() {
  const params = new URLSearchParams({ from: $("diff-from").value, to: $("diff-to").value });
  try {
    const d = await call("/api/corpus/diff?" + params);
    const list = (title, ids) => el("div", {}, el("h3", {}, title + " (" + (ids || []).length + ")"),
      el("ul", {}, (ids || []).map((id) => el("li", {}, el("code", {}, typeof id === "string" ? id : id.id || JSON.stringify(id))))));
    $("diff").replaceChildren(el("p", {}, d.from + " → " + d.to),
      list(t("libAdded"), d.added), list(t("libChanged"), d.changed), list(t("libRemoved"), d.removed));
  } catch (e) {
    $("diff").replaceChildren(e.status === 404 ? unavailable("/api/corpus/diff") : el("p", { class: "error" }, e.message));
  }
}

/** Calls an optional endpoint: renders it, or says it is not available. */
async function optional(path, target, render) {
  try {
    render(await call(path));
  } catch (e) {
    $(target).replaceChildren(e.status === 404 ? unavailable(path) : el("p", { class: "error" }, e.message));
  }
}

async function refresh() {
  try {
    renderStatus(await call("/api/status"));
  } catch (e) {
    $("counts").replaceChildren(el("p", { class: "error" }, t("unreachable")));
  }
}

function load() {
  refresh();
  optional("/api/corpus", "sources", renderSources);
  optional("/api/corpus/versions", "versions", renderVersions);
}

document.addEventListener("DOMContentLoaded", () => {
  setupLanguageToggle(load);
  load();
});
