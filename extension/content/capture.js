// Injected into the tab on the user's click (activeTab): returns the live DOM, so that pages
// rendered by scripts come out as the reader sees them. The value of the last expression is
// what scripting.executeScript hands back to the background.
(() => ({
  html: document.documentElement ? document.documentElement.outerHTML : "",
  url: location.href,
  title: document.title,
  lang: document.documentElement ? document.documentElement.lang || null : null,
  contentType: document.contentType,
}))();
