// The HTTP API's reference, rendered from /openapi.json by Preuve itself (no CDN, no third-party renderer).
// Every text comes from the description and is inserted as text nodes.

import { $, el, call } from "./common.js";

const METHODS = ["get", "post", "put", "patch", "delete"];

/** "#/components/schemas/AskRequest" → "AskRequest". */
function refName(ref) {
  return ref ? ref.split("/").pop() : "";
}

function schemaOf(content) {
  const media = content ? Object.keys(content)[0] : null;
  if (!media) return "";
  const s = content[media].schema || {};
  return media + (s.$ref ? " " + refName(s.$ref) : s.type ? " " + s.type : "");
}

function operation(path, method, op) {
  const params = (op.parameters || []).map((p) =>
    el("li", {}, el("code", {}, p.name), " (" + p.in + (p.required ? ", required" : "") + ") ", p.description || ""));
  const responses = Object.entries(op.responses || {}).map(([code, r]) =>
    el("li", {}, el("code", {}, code), " ", r.$ref ? refName(r.$ref) : (r.description || ""), r.content ? " — " + schemaOf(r.content) : ""));
  const open = Array.isArray(op.security) && op.security.length === 0;
  return el("section", { class: "card api-op", "data-method": method, "data-path": path },
    el("h2", {}, el("code", {}, method.toUpperCase() + " " + path), open ? " · open" : ""),
    el("p", {}, op.summary || ""),
    op.description ? el("p", { class: "meta" }, op.description) : "",
    params.length ? [el("h3", {}, "Parameters"), el("ul", {}, params)] : "",
    op.requestBody ? [el("h3", {}, "Body"), el("p", {}, schemaOf(op.requestBody.content))] : "",
    el("h3", {}, "Responses"), el("ul", {}, responses));
}

document.addEventListener("DOMContentLoaded", async () => {
  try {
    const spec = await call("/openapi.json");
    $("api-title").textContent = spec.info.title + " " + spec.info.version;
    $("api-description").textContent = spec.info.description || "";
    const ops = [];
    Object.entries(spec.paths).forEach(([path, item]) => {
      METHODS.forEach((m) => { if (item[m]) ops.push(operation(path, m, item[m])); });
    });
    $("api-paths").replaceChildren(...ops);
  } catch (e) {
    $("api-paths").replaceChildren(el("p", { class: "error" }, e.message));
  }
});
