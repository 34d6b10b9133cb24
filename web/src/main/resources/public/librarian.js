// The librarian page: the served corpus and the run in flight (GET /api/status, polled), the declared sources with
// their counts, licences and the last run's failures (GET /api/corpus), the versions (GET /api/corpus/versions) and
// the documents added, changed and removed between two of them (GET /api/corpus/diff). When a run ends or the version
// changes, sources and versions are fetched again: the page never needs a reload. Everything from the server is
// inserted as text (el() builds text nodes).

import { $, el, t, call, postJson, num, uiLang, setupLanguageToggle, ensureSession } from "./common.js";

const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 10000;

let timer = null;
let shown = { version: undefined, running: false };
let lastDiff = null;

function unavailable(path) {
  return el("p", { class: "unavailable" }, t("libUnavailable", { path }));
}

function failed(e, path) {
  return e.status === 404 ? unavailable(path) : el("p", { class: "error" }, e.message);
}

/** A table in a horizontally scrolling wrapper; numbers are right-aligned and formatted, nodes kept as they are. */
function table(id, headers, rows) {
  return el("div", { class: "table-wrap" }, el("table", { id },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((row) => {
      const tr = el("tr", row.props || {}, row.cells.map((c) =>
        typeof c === "number" ? el("td", { class: "num" }, num(c)) : el("td", {}, c)));
      return tr;
    }))));
}

function pairs(list) {
  return list.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]);
}

/** An instant (ISO text, or Jackson's epoch seconds) as a <time> in the interface language. */
function when(instant) {
  if (instant === null || instant === undefined || instant === "") return "—";
  const d = typeof instant === "number" ? new Date(instant * 1000) : new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const iso = d.toISOString();
  return el("time", { dateTime: iso, title: iso },
    d.toLocaleString(uiLang() === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "medium" }));
}

// ---------------------------------------------------------------- status and progress

function renderStatus(s) {
  $("counts").replaceChildren(...pairs([
    [t("libName"), s.corpus + (s.description ? " — " + s.description : "")],
    [t("libVersion"), el("code", {}, s.corpusVersion || "—")],
    [t("libDate"), when(s.corpusDate)],
    [t("libState"), t("libState_" + s.status)],
    [t("libDocuments"), num(s.counts.documents)],
    [t("libPassages"), num(s.counts.passages)],
    [t("libModel"), s.model],
  ]));
  const per = Object.entries(s.counts.perSource || {});
  $("per-source").replaceChildren(table("per-source-table", [t("libSource"), t("libDocuments"), t("libPassages")],
    per.map(([k, c]) => ({ cells: [k, c.documents, c.passages] }))));
  renderProgress(s.indexing, s.corpusVersion);
}

function renderProgress(ix, version) {
  const box = $("indexing");
  const running = ix.state === "reading" || ix.state === "embedding";
  box.dataset.state = ix.state;
  box.dataset.done = ix.passagesDone;
  box.dataset.total = ix.passagesTotal;
  const out = [];
  if (running) {
    const total = ix.passagesTotal > 0 ? num(ix.passagesTotal) : "?";
    out.push(el("p", { class: "state" }, t("libRunState_" + ix.state, { source: ix.source || "", docs: num(ix.documentsRead) })));
    out.push(el("progress", { max: Math.max(ix.passagesTotal, 1), value: ix.passagesDone, "aria-label": t("libIndexing") }));
    out.push(el("p", { class: "counter" }, t("libRunning", { done: num(ix.passagesDone), total }),
      ix.ratePerSecond > 0 ? " · " + t("libRate", { rate: ix.ratePerSecond.toLocaleString(uiLang() === "fr" ? "fr-FR" : "en-GB",
        { maximumFractionDigits: 1 }) }) : "",
      ix.etaSeconds >= 0 && ix.state === "embedding" ? " · " + t("libEta", { eta: num(ix.etaSeconds) }) : ""));
    if (ix.startedAt) out.push(el("p", { class: "meta" }, t("libStarted"), " ", when(ix.startedAt)));
  } else if (ix.state === "done") {
    out.push(el("p", {}, t("libDone", { version: version || "—" })));
  } else if (ix.state === "cancelled") {
    out.push(el("p", {}, t("libCancelled", { message: ix.message || "" })));
  } else if (ix.state === "failed") {
    out.push(el("p", { class: "error" }, t("libFailed", { message: ix.message || "" })));
  } else {
    out.push(el("p", {}, t("libIdle")));
  }
  if (ix.failures > 0) out.push(el("p", { class: "reason" }, t("libFailuresCount", { n: num(ix.failures) })));
  box.replaceChildren(...out);
  $("run-start").disabled = running;
  // a stopped run is paused: what it wrote is committed and the next run resumes from there
  $("run-start").textContent = t(ix.state === "cancelled" ? "libRunResume" : "libRunStart");
  $("run-cancel").hidden = !running;
  return running;
}

/** DELETE /api/corpus/runs: the run stops at its next batch, what it wrote committed; the next run resumes. */
async function cancelRun() {
  $("run-cancel").disabled = true;
  try {
    await call("/api/corpus/runs", { method: "DELETE" });
    $("run-status").textContent = t("libRunCancelling");
  } catch (e) {
    $("run-status").textContent = e.message;
  }
  $("run-cancel").disabled = false;
  poll();
}

/** POST /api/corpus/runs: a run of the served corpus, its declaration read again; the progress shows as it goes. */
async function startRun() {
  $("run-start").disabled = true;
  $("run-status").textContent = "";
  try {
    await postJson("/api/corpus/runs", {});
    $("run-status").textContent = t("libRunStarted");
  } catch (e) {
    $("run-status").textContent = e.message;
    $("run-start").disabled = false;
  }
  poll();
}

async function poll() {
  clearTimeout(timer);
  let running = shown.running;
  try {
    const s = await call("/api/status");
    renderStatus(s);
    running = s.indexing.state === "reading" || s.indexing.state === "embedding";
    if (s.corpusVersion !== shown.version || running !== shown.running) {
      shown = { version: s.corpusVersion, running };
      loadCorpus();
    }
  } catch (e) {
    $("counts").replaceChildren(el("p", { class: "error" }, t("unreachable")));
  }
  timer = setTimeout(poll, running ? POLL_RUNNING_MS : POLL_IDLE_MS);
}

// ---------------------------------------------------------------- sources and last run

/** GET /api/corpus: each declared source with type, licence, documents, passages and its last-run failures. */
function renderSources(body) {
  $("sources").replaceChildren(table("sources-table",
    [t("libName"), t("libType"), t("libLicence"), t("libDocuments"), t("libPassages"), t("libFailures")],
    body.sources.map((s) => ({
      props: { "data-source": s.name },
      cells: [s.name, el("code", { class: "id" }, s.type), s.licence || "—", s.documents, s.passages,
        s.failures.length ? el("span", { class: "bad" }, t("libFailuresCount", { n: num(s.failures.length) })) : t("libNone")],
    }))));
  renderLastRun(body.lastRun);
}

function renderLastRun(run) {
  if (!run) {
    $("last-run").replaceChildren(el("p", {}, t("libNoRun")));
    return;
  }
  const seconds = run.seconds.toLocaleString(uiLang() === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 });
  const summary = el("dl", { id: "last-run-summary" }, ...pairs([
    [t("libVersion"), el("code", {}, run.version)],
    [t("libStarted"), when(run.started)],
    [t("libFinished"), when(run.finished)],
    [t("libDuration"), t("libSeconds", { s: seconds })],
    [t("libDocuments"), t("libRunCounts", { added: num(run.added), changed: num(run.changed),
      unchanged: num(run.unchanged), removed: num(run.removed) })
      + (run.kept > 0 ? " · " + t("libKept", { n: num(run.kept) }) : "")],
    [t("libPassages"), t("libEmbedded", { embedded: num(run.embedded), reused: num(run.reused) })],
    [t("libFailures"), run.failures > 0 ? t("libFailuresCount", { n: num(run.failures) }) : t("libNone")],
  ]));
  const failures = run.failed.length
    ? [el("h3", {}, t("libFailuresTitle")),
      table("failures-table", [t("libSource"), t("libLocation"), t("libReason")],
        run.failed.map((f) => ({ cells: [f.source, el("code", { class: "location" }, f.location), el("span", { class: "reason-text" }, f.reason)] })))]
    : [];
  $("last-run").replaceChildren(summary, ...failures);
}

// ---------------------------------------------------------------- versions and diff

/** GET /api/corpus/versions, newest first; the two selects offer each distinct version for the diff. */
function renderVersions(versions) {
  $("versions").replaceChildren(versions.length === 0 ? el("p", {}, t("libNoVersion")) : table("versions-table",
    [t("libVersion"), t("libDocuments"), t("libPassages"), t("libAdded"), t("libChanged"), t("libRemoved"), t("libFailures")],
    versions.map((v) => ({
      props: { "data-version": v.version, "aria-current": v.version === shown.version ? "true" : undefined },
      cells: [[el("code", { class: "vid" }, v.version),
        el("span", { class: "meta block" }, when(v.date), " · ", t("libEvent_" + v.event)),
        v.note ? el("span", { class: "meta block" }, v.note) : ""],
        v.documents, v.passages, v.added, v.changed, v.removed, v.failures],
    }))));
  const distinct = [...new Set(versions.map((v) => v.version))];
  const controls = $("diff-controls");
  controls.hidden = distinct.length < 2;
  if (distinct.length < 2) return;
  fillSelect($("diff-from"), distinct, distinct[1]);
  fillSelect($("diff-to"), distinct, distinct[0]);
}

/** Replaces the options, keeping the current choice when it is still offered. */
function fillSelect(select, versions, fallback) {
  const keep = versions.includes(select.value) ? select.value : fallback;
  select.replaceChildren(...versions.map((v) => el("option", { value: v }, v)));
  select.value = keep;
}

async function showDiff() {
  const params = new URLSearchParams({ from: $("diff-from").value, to: $("diff-to").value });
  $("diff").setAttribute("aria-busy", "true");
  try {
    lastDiff = await call("/api/corpus/diff?" + params);
    renderDiff(lastDiff);
  } catch (e) {
    lastDiff = null;
    $("diff").replaceChildren(failed(e, "/api/corpus/diff"));
  } finally {
    $("diff").removeAttribute("aria-busy");
  }
}

function renderDiff(d) {
  const list = (kind, title, ids) => el("div", { class: "diff-list" },
    el("h3", {}, t("libDiffCount", { what: title, n: num(ids.length) })),
    ids.length ? el("ul", { id: "diff-" + kind }, ids.map((id) => el("li", {}, el("code", {}, id))))
      : el("p", { id: "diff-" + kind, class: "meta" }, t("libNone")));
  $("diff").replaceChildren(
    el("p", { class: "diff-title" }, el("code", {}, d.from), " → ", el("code", {}, d.to)),
    el("div", { class: "diff-grid" },
      list("added", t("libAdded"), d.added), list("changed", t("libChanged"), d.changed), list("removed", t("libRemoved"), d.removed)));
}

// ---------------------------------------------------------------- loading

async function loadCorpus() {
  const [corpus, versions] = await Promise.allSettled([call("/api/corpus"), call("/api/corpus/versions")]);
  if (corpus.status === "fulfilled") renderSources(corpus.value);
  else $("sources").replaceChildren(failed(corpus.reason, "/api/corpus"));
  if (versions.status === "fulfilled") renderVersions(versions.value);
  else $("versions").replaceChildren(failed(versions.reason, "/api/corpus/versions"));
}

function load() {
  shown = { version: undefined, running: false };
  if (lastDiff) renderDiff(lastDiff);
  poll();
}

document.addEventListener("DOMContentLoaded", () => {
  setupLanguageToggle(load);
  $("diff-compare").addEventListener("click", showDiff);
  $("run-start").addEventListener("click", startRun);
  $("run-cancel").addEventListener("click", cancelRun);
  ensureSession().then(load);
});
