// What went wrong talking to the companion server, each with a sentence saying what to do, in
// the browser's language, and whether trying again can help.
import { t } from "./i18n.js";

export class CompanionError extends Error {
  constructor(message, { hint = "", status = 0, code = "", fields = null, retryable = false } = {}) {
    super(message);
    this.name = this.constructor.name;
    this.hint = hint;
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryable = retryable;
  }
}

/** The server did not answer at all: not started, wrong address, or blocked. */
export class ServerUnreachable extends CompanionError {
  constructor(serverUrl) {
    super(t("errorUnreachable", serverUrl), { hint: t("hintUnreachable"), retryable: true });
  }
}

/** 401: no token, or a token the server does not know (rotated, or another data directory). */
export class NotPaired extends CompanionError {
  constructor(status = 401) {
    super(t("errorNotPaired"), { status, code: "unauthorized", hint: t("hintNotPaired") });
  }
}

/** The server took longer than we are willing to wait. */
export class ServerTimeout extends CompanionError {
  constructor(seconds) {
    super(t("errorTimeout", seconds), { hint: t("hintTimeout"), retryable: true });
  }
}

// Hints by status, and messages of our own for the server's codes we know (the server writes
// English; the user reads their language).
const HINTS = { 403: "hint403", 404: "hint404", 413: "hint413", 503: "hint503" };
const CODE_MESSAGES = {
  no_article: "errorNoArticle", payload_too_large: "errorTooLarge", page_too_complex: "errorTooComplex",
  processing_timeout: "errorProcessingTimeout", not_found: "errorNotFound",
};
// When the server does not say whether a retry can help, the status does: the server busy or
// broken for a moment (5xx) may work later; a refusal of the request itself (4xx) will not.
const RETRYABLE_STATUS = (status) => status >= 500 || status === 408 || status === 429;

/** An HTTP error answer of the companion, from its JSON error body. */
export function errorFromResponse(status, body) {
  if (status === 401) return new NotPaired(status);
  const error = body && body.error ? body.error : {};
  const known = CODE_MESSAGES[error.code];
  const message = known ? t(known) : error.message ? sentenceCase(error.message) : t("errorHttp", status);
  return new CompanionError(message, {
    status,
    code: error.code || "",
    fields: error.fields || null,
    hint: HINTS[status] ? t(HINTS[status]) : status === 422 ? "" : t("hintLog"),
    retryable: typeof error.retryable === "boolean" ? error.retryable : RETRYABLE_STATUS(status),
  });
}

/** Whether asking again later can succeed: only then is "Try again" offered. */
export function isRetryable(error) {
  return Boolean(error && error.retryable);
}

/** "no article found" → "No article found", and a full stop at the end. */
export function sentenceCase(text) {
  const trimmed = String(text).trim();
  if (!trimmed) return trimmed;
  const first = trimmed[0].toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** A sentence pair for the user: what happened, and what to do. */
export function describeError(error) {
  if (error instanceof CompanionError) return { message: error.message, hint: error.hint };
  if (error && error.message) return { message: sentenceCase(error.message), hint: error.hint || "" };
  return { message: t("errorUnexpected", String(error)), hint: "" };
}
