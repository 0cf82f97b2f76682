// Small DOM builders shared by the reader's modules.

/** A button that calls onClick. */
export function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}
