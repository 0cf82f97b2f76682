// "This article changed since you read it": when the reader shows an article whose latest
// version is newer than the one it showed last, a calm banner says what changed in the
// sourcing, with a panel listing the changes (each added claim a link to it in the text).
// The server computes the diff (GET …/changes); this module only draws it, then records that
// this version has been shown (POST …/read).
import { kindName, t } from "../lib/i18n.js";
import { button } from "./dom.js";
import { goToClaim } from "./view.js";

/** What each list of the diff is called; the banner counts them in this order. */
const CATEGORIES = [
  { field: "claims_added", label: () => t("changesClaimsAdded") },
  { field: "claims_removed", label: () => t("changesClaimsRemoved") },
  { field: "sources_added", label: () => t("changesSourcesAdded") },
  { field: "sources_dropped", label: () => t("changesSourcesDropped") },
  { field: "hedges_changed", label: () => t("changesHedges") },
  { field: "sourcing_changed", label: () => t("changesSourcing") },
  { field: "non_responses_answered", label: () => t("changesAnswered") },
];

/**
 * Ask what changed since the version last shown, then mark this version as shown (in that
 * order: the mark moves "last shown" to this version). Started as soon as the article is
 * known, alongside the highlights. Never rejects: a failure means no banner.
 * @returns {Promise<object|null>} the server's changes, or null.
 */
export async function requestChanges(api, article) {
  let changes = null;
  try {
    changes = await api.articleChanges(article.id);
  } catch {
    changes = null; // an older server, or none: the article reads the same without the banner
  }
  try {
    await api.markRead(article.id, article.version);
  } catch {
    // Not recorded: the banner comes again next time, which is the safe side.
  }
  return changes;
}

/**
 * Draw the banner above the article when it is newer than the version shown last.
 * @returns {Promise<HTMLElement|null>} the banner, or null when nothing changed since.
 */
export async function showChangesSinceRead(pending, container) {
  const changes = await pending;
  if (!changes || changes.from_version >= changes.to_version || !changes.last_read) return null;
  const banner = renderBanner(changes);
  container.prepend(banner);
  return banner;
}

function formatDate(iso) {
  try {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: "long" }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

function renderBanner(changes) {
  const banner = document.createElement("section");
  banner.className = "changes-banner";
  banner.id = "changes-banner";
  banner.setAttribute("aria-label", t("changesRegion"));
  const date = formatDate(changes.last_read.last_read);
  const counts = CATEGORIES.filter((c) => changes[c.field].length).map((c) => `${c.label()}: ${changes[c.field].length}`);
  const text = document.createElement("p");
  text.className = "changes-summary";
  text.textContent = counts.length ? t("changedSince", date, counts.join(" · ")) : t("changedTextOnly", date);
  const actions = document.createElement("p");
  actions.className = "actions";
  const panel = counts.length ? renderPanel(changes) : null;
  if (panel) {
    const toggle = button(t("showChanges"), () => {
      const open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      toggle.textContent = open ? t("hideChanges") : t("showChanges");
    });
    toggle.id = "show-changes";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", panel.id);
    actions.append(toggle);
  }
  const dismiss = button(t("dismissChanges"), () => banner.remove());
  actions.append(dismiss);
  banner.append(text, actions);
  if (panel) banner.append(panel);
  return banner;
}

function renderPanel(changes) {
  const panel = document.createElement("div");
  panel.id = "changes-panel";
  panel.className = "changes-panel";
  panel.hidden = true;
  for (const category of CATEGORIES) {
    const items = changes[category.field];
    if (!items.length) continue;
    const heading = document.createElement("h2");
    heading.textContent = category.label();
    const list = document.createElement("ul");
    list.dataset.change = category.field;
    list.append(...items.map((item) => listItem(category.field, item)));
    panel.append(heading, list);
  }
  return panel;
}

function listItem(field, item) {
  const li = document.createElement("li");
  if (field === "claims_added") {
    // A link into the text: the claim's id is the one in the version on screen.
    const link = document.createElement("a");
    link.href = `#claim-${item.claim_id}`;
    link.textContent = item.text;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      goToClaim(item.claim_id);
    });
    li.append(link, note(item.kind ? kindName(item.kind) : ""));
  } else if (field === "claims_removed") {
    li.append(text(item.text), note(item.kind ? kindName(item.kind) : ""));
  } else if (field === "sources_added" || field === "sources_dropped") {
    li.append(text(item.name), note(kindName(item.kind)));
  } else if (field === "hedges_changed") {
    li.append(text(item.text), note(`${item.before.join(", ") || t("changesNone")} → ${item.after.join(", ") || t("changesNone")}`));
  } else if (field === "sourcing_changed") {
    const side = (s) => [s.kind ? kindName(s.kind) : "", s.source || ""].filter(Boolean).join(": ");
    li.append(text(item.text), note(`${side(item.before)} → ${side(item.after)}`));
  } else {
    li.append(text(item.party), note(item.before_text), note(`→ ${item.after_text}`));
  }
  return li;
}

function text(value) {
  const span = document.createElement("span");
  span.textContent = value;
  return span;
}

function note(value) {
  const span = document.createElement("span");
  span.className = "change-note";
  span.textContent = value;
  return span;
}
