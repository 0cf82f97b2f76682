// Small DOM builders shared by the reader's modules.

/** A button that calls onClick. */
export function button(text, onClick) {
  const element = document.createElement("button");
  element.type = "button";
  element.textContent = text;
  element.addEventListener("click", onClick);
  return element;
}

let toastTimer = null;

/** A short message at the bottom of the page, with an optional action (Undo). */
export function toast(message, actionLabel, action) {
  const box = document.getElementById("toast");
  const text = document.createElement("span");
  text.textContent = message;
  const parts = [text];
  if (actionLabel) parts.push(button(actionLabel, () => { box.hidden = true; action(); }));
  box.replaceChildren(...parts);
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 8000);
}
