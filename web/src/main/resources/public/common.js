// Shared by every Preuve page: DOM building without HTML parsing, the interface language, JSON calls.
// Text from the corpus (titles, passages, metadata) is only ever inserted as text nodes: no markup in a document can run.

import { STRINGS } from "./strings.js";

export const $ = (id) => document.getElementById(id);

/** Builds an element; children that are not nodes become text nodes. Properties are set as DOM properties. */
export function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.entries(props || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === "class") e.className = v;
    else if (k.startsWith("data-") || k.startsWith("aria-") || k === "role") e.setAttribute(k, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e[k] = v;
  });
  children.flat().forEach((c) => {
    if (c === undefined || c === null || c === "") return;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return e;
}

/** Only http(s) links to the original are followed; anything else (javascript:, data:...) is dropped. */
export function safeUrl(raw) {
  try {
    const u = new URL(raw, location.origin);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

const LANG_KEY = "preuve.ui";

/** The interface language: ?ui=en wins, then the remembered choice, then French. */
export function uiLang() {
  const fromUrl = new URLSearchParams(location.search).get("ui");
  if (fromUrl === "en" || fromUrl === "fr") {
    localStorage.setItem(LANG_KEY, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(LANG_KEY) === "en" ? "en" : "fr";
}

/** The string {@code key} in the interface language, with {name} placeholders filled. */
export function t(key, vars) {
  const table = STRINGS[uiLang()] || STRINGS.fr;
  let s = table[key] ?? STRINGS.fr[key] ?? key;
  Object.entries(vars || {}).forEach(([k, v]) => { s = s.split("{" + k + "}").join(String(v)); });
  return s;
}

/** Translates the static page: data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label). */
export function translatePage() {
  const lang = uiLang();
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach((e) => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  document.querySelectorAll("[data-i18n-label]").forEach((e) => { e.setAttribute("aria-label", t(e.dataset.i18nLabel)); });
  document.querySelectorAll("[data-lang-block]").forEach((e) => { e.hidden = e.dataset.langBlock !== lang; });
  const toggle = $("ui-lang");
  if (toggle) {
    toggle.textContent = lang === "fr" ? "EN" : "FR";
    toggle.setAttribute("aria-label", lang === "fr" ? "English version" : "Version française");
    toggle.lang = lang === "fr" ? "en" : "fr";
  }
  if (document.body.dataset.title) document.title = t(document.body.dataset.title);
}

/** Wires the FR/EN button: the choice is remembered and written into the URL (?ui=en), then {@code onChange} runs. */
export function setupLanguageToggle(onChange) {
  translatePage();
  $("ui-lang").addEventListener("click", () => {
    const next = uiLang() === "fr" ? "en" : "fr";
    localStorage.setItem(LANG_KEY, next);
    const params = new URLSearchParams(location.search);
    if (next === "fr") params.delete("ui"); else params.set("ui", next);
    history.replaceState(history.state, "", location.pathname + (params.toString() ? "?" + params : ""));
    translatePage();
    if (onChange) onChange();
  });
}

/** A JSON request; a non-2xx answer throws an Error carrying the server's message and status. */
export async function call(url, options) {
  const res = await fetch(url, options);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw failure(res, body, url);
  return body;
}

/**
 * The Error for a refused request: too many requests says when to retry; an ended session brings the login form
 * back (the request is not retried: the clinician sends it again once logged in).
 */
export function failure(res, body, url) {
  let message = body.error || res.status + " " + res.statusText;
  if (res.status === 429) message = t("tooMany", { s: res.headers.get("Retry-After") || "60" });
  if (res.status === 401 && url !== "/api/session") {
    message = t("sessionEnded");
    showLogin(() => {});
  }
  const err = new Error(message);
  err.status = res.status;
  return err;
}

// ---------------------------------------------------------------- who is using the page

/**
 * Resolves once the page may call the API: at once when the server runs without authentication, behind the
 * hospital's proxy or with a live session; otherwise after the clinician logs in with an API token. Shows who is
 * logged in, a logout button, and a banner when the server runs open on a network (--insecure-no-auth).
 */
export async function ensureSession() {
  let s;
  try { s = await call("/api/session"); } catch (e) { return null; } // the status line says the server is unreachable
  showAccess(s);
  if (s.authenticated) return s;
  return new Promise((resolve) => showLogin(resolve));
}

function showAccess(s) {
  if (s.insecure && !$("insecure-banner")) {
    document.querySelector("header").after(el("p", { id: "insecure-banner", class: "banner-insecure", role: "alert" },
      t("insecureBanner")));
  }
  const nav = document.querySelector("header nav");
  if ($("who")) $("who").remove();
  if (s.authenticated && s.mode !== "none" && nav) {
    nav.after(el("span", { id: "who", class: "who" }, t("signedInAs", { user: s.user, role: s.role }), " ",
      s.mode === "tokens" ? el("button", { type: "button", id: "logout", class: "linklike", onclick: logout }, t("logout")) : null));
  }
}

async function logout() {
  await fetch("/api/session", { method: "DELETE" }).catch(() => null);
  location.reload();
}

/** The login form (an API token from "preuve token create"); the rest of the page is hidden until it succeeds. */
export function showLogin(onLoggedIn) {
  document.body.classList.add("locked");
  if ($("login")) return;
  const input = el("input", { id: "login-token", type: "password", autocomplete: "off", required: true, spellcheck: false });
  const error = el("p", { id: "login-error", class: "error", role: "alert", hidden: true });
  const form = el("form", { id: "login-form", novalidate: true },
    el("label", { htmlFor: "login-token" }, t("loginToken")), input,
    el("button", { type: "submit", id: "login-submit" }, t("loginButton")), error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!input.value.trim()) { input.focus(); return; }
    try {
      const s = await postJson("/api/session", { token: input.value.trim() });
      $("login").remove();
      document.body.classList.remove("locked");
      showAccess(s);
      onLoggedIn(s);
    } catch (err) {
      error.hidden = false;
      error.textContent = err.status === 401 ? t("loginFailed") : err.message;
      input.select();
    }
  });
  document.querySelector("main").prepend(el("section", { id: "login", class: "card", "aria-labelledby": "login-title" },
    el("h1", { id: "login-title" }, t("loginTitle")), el("p", {}, t("loginHelp")), form));
  input.focus();
}

export function postJson(url, body) {
  return call(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

/** Number in the interface language ("1 234" in French). */
export function num(n) {
  return Number(n).toLocaleString(uiLang() === "fr" ? "fr-FR" : "en-GB");
}
