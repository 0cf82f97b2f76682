// Painting highlights in the article: one <mark> per text node a highlight covers, placed where
// the companion says the highlight is (lib/anchoring.js), coloured by its label, and described
// for assistive technology (label and note) through aria-describedby.
import { placementOf, textPieces } from "../lib/anchoring.js";
import { labelName, t } from "../lib/i18n.js";

const MARK_SELECTOR = "mark.sl-highlight";

export class Painter {
  /**
   * @param {{root: Element, descriptions: Element, version?: number}} options  descriptions: a hidden
   *   container; version: the version of the article text shown
   */
  constructor({ root, descriptions, version = null }) {
    this.root = root;
    this.descriptions = descriptions;
    this.version = version;
  }

  /** Draws (or redraws) one highlight; an orphan is only removed. */
  paint(highlight) {
    this.unpaint(highlight.id);
    const place = placementOf(highlight, this.version);
    if (!place) return;
    const described = this.describe(highlight);
    for (const [node, from, to] of textPieces(this.root, place.start, place.end)) {
      let target = node;
      if (from > 0) target = target.splitText(from);
      if (to - from < target.data.length) target.splitText(to - from);
      const mark = document.createElement("mark");
      mark.className = "sl-highlight";
      mark.dataset.highlightId = highlight.id;
      if (highlight.label) mark.dataset.label = highlight.label;
      if (highlight.pending) mark.classList.add("is-pending");
      mark.setAttribute("aria-describedby", described.id);
      target.replaceWith(mark);
      mark.append(target);
    }
  }

  /** Updates only the look of a painted highlight (label, pending): the DOM text stays as it is. */
  restyle(highlight) {
    const marks = this.marks(highlight.id);
    if (!marks.length) { this.paint(highlight); return; }
    for (const mark of marks) {
      if (highlight.label) mark.dataset.label = highlight.label; else delete mark.dataset.label;
      mark.classList.toggle("is-pending", Boolean(highlight.pending));
    }
    this.describe(highlight);
  }

  unpaint(id) {
    const marks = this.marks(id);
    for (const mark of marks) mark.replaceWith(...mark.childNodes);
    if (marks.length) this.root.normalize();
    this.descriptions.querySelector(`[data-describes="${CSS.escape(id)}"]`)?.remove();
  }

  marks(id) {
    return [...this.root.querySelectorAll(`${MARK_SELECTOR}[data-highlight-id="${CSS.escape(id)}"]`)];
  }

  /** The hidden text a screen reader hears for a highlight: "Highlight, Dubious. Note: …". */
  describe(highlight) {
    let element = this.descriptions.querySelector(`[data-describes="${CSS.escape(highlight.id)}"]`);
    if (!element) {
      element = document.createElement("span");
      element.id = `hl-desc-${highlight.id}`;
      element.dataset.describes = highlight.id;
      this.descriptions.append(element);
    }
    const parts = [highlight.label ? t("highlightWithLabel", labelName(highlight.label)) : t("highlightPlain")];
    if (highlight.note) parts.push(t("noteIs", highlight.note));
    element.textContent = parts.join(" ");
    return element;
  }
}
