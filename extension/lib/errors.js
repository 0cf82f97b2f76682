// What went wrong talking to the companion server, each with a sentence saying what to do.

export class CompanionError extends Error {
  constructor(message, { hint = "", status = 0, code = "", fields = null } = {}) {
    super(message);
    this.name = this.constructor.name;
    this.hint = hint;
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The server did not answer at all: not started, wrong address, or blocked. */
export class ServerUnreachable extends CompanionError {
  constructor(serverUrl) {
    super(`The sourcelight companion is not answering at ${serverUrl}.`, {
      hint: "Start the companion: sourcelight serve (then try again). If it runs elsewhere, set its address in the extension's options.",
    });
  }
}

/** 401: no token, or a token the server does not know (rotated, or another data directory). */
export class NotPaired extends CompanionError {
  constructor(status = 401) {
    super("The extension is not paired with the companion (the token is missing or wrong).", {
      status,
      code: "unauthorized",
      hint: "Run sourcelight token, then paste the token in the extension's options and press Pair.",
    });
  }
}

/** The server took longer than we are willing to wait. */
export class ServerTimeout extends CompanionError {
  constructor(seconds) {
    super(`The companion did not answer within ${seconds} seconds.`, {
      hint: "The page may be very large. Try again; if it keeps happening, check the companion's log.",
    });
  }
}

const HINTS = {
  403: "The companion refused this extension. If you set SOURCELIGHT_EXTENSION_IDS, add this extension's id.",
  404: "The companion does not know this item any more (was the data directory changed?).",
  413: "This page is larger than the companion accepts (SOURCELIGHT_MAX_CONTENT_LENGTH).",
  422: "",
  503: "The companion is busy or the page took too long to read. Try again in a moment.",
};

/** An HTTP error answer of the companion, from its JSON error body. */
export function errorFromResponse(status, body) {
  if (status === 401) return new NotPaired(status);
  const error = body && body.error ? body.error : {};
  const message = error.message || `The companion answered with HTTP ${status}.`;
  return new CompanionError(message, {
    status,
    code: error.code || "",
    fields: error.fields || null,
    hint: HINTS[status] ?? "If this keeps happening, the companion's log says more.",
  });
}

/** A sentence pair for the user: what happened, and what to do. */
export function describeError(error) {
  if (error instanceof CompanionError) return { message: error.message, hint: error.hint };
  return { message: `Something went wrong: ${error && error.message ? error.message : error}`, hint: "" };
}
