// How each kind of source is told apart without colour: a letter (legends, the reader's marks,
// chart segments) and, for the kinds a reader should weigh first, a pattern in charts.
import { KINDS } from "./contract.js";

/** One letter per kind, shown beside or inside its colour so colour is never the only cue. */
export const KIND_LETTERS = Object.freeze({
  named_person: "P", organization: "O", media: "M", document: "D", anonymous: "A", vague: "V", unattributed: "∅",
});

/** Kinds that stand out in a fingerprint and a chart: hatched or dotted, and named in words. */
export const STANDOUT_KINDS = Object.freeze(["anonymous", "vague"]);

/** Every kind id, in the taxonomy's order (named person first, unattributed last). */
export const KIND_IDS = Object.freeze(KINDS.map((kind) => kind.id));
