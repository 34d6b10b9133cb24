// References in Vancouver style, numbered as the answer cites them ([n]). Pure functions: no DOM, no network.

const PUBLISHERS = { has: "Haute Autorité de santé", who: "World Health Organization" };
const MAX_AUTHORS = 6; // Vancouver: list the first six, then "et al."

function sentence(s) {
  const x = String(s || "").trim().replace(/[.\s]+$/, "");
  return x ? x + ". " : "";
}

/** "Smith J; Doe A; ..." (as indexed) → "Smith J, Doe A, et al." */
export function authors(raw) {
  const list = String(raw || "").split(";").map((a) => a.trim()).filter(Boolean);
  if (!list.length) return "";
  const shown = list.slice(0, MAX_AUTHORS).join(", ");
  return list.length > MAX_AUTHORS ? shown + ", et al." : shown + ".";
}

/**
 * One reference.
 * @param p        a cited passage (n, source, title, year, page, url)
 * @param metadata the document's metadata (authors, journal), or {} when unknown
 * @param lang     "fr" or "en": wording of "Available from" and "cited"
 * @param today    the access date, yyyy-MM-dd
 */
export function reference(p, metadata, lang, today) {
  const m = metadata || {};
  const org = PUBLISHERS[p.source];
  let out = p.n + ". ";
  const who = authors(m.authors);
  if (who) out += who + " ";
  else if (org) out += org + ". ";
  out += sentence(p.title);
  if (m.journal) out += sentence(m.journal);
  else if (org && who) out += sentence(org);
  if (p.year) out += p.year + ". ";
  if (p.page) out += "p. " + p.page + ". ";
  if (p.url) {
    out += lang === "en" ? "Available from: " + p.url + " [cited " + today + "]" : "Disponible : " + p.url + " [consulté le " + today + "]";
  }
  return out.trim();
}

/** The whole export: question, answer text with its [n] markers, then the numbered references. */
export function exportText(answer, metadataByDoc, lang, today) {
  const lines = [];
  lines.push((lang === "en" ? "Question: " : "Question : ") + answer.question, "");
  lines.push(answer.answer, "");
  lines.push(answer.notice, "");
  lines.push(lang === "en" ? "References" : "Références");
  [...answer.passages].sort((a, b) => a.n - b.n)
    .forEach((p) => lines.push(reference(p, metadataByDoc[p.docId], lang, today)));
  lines.push("", (lang === "en" ? "Corpus " : "Corpus ") + answer.corpusVersion + " · Preuve");
  return lines.join("\n") + "\n";
}
