// Runs before the first paint (a classic, blocking script in <head>): puts this computer's appearance
// on <html data-theme data-sidebar>, so a window that opens dark does not flash light first and the
// sidebar does not jump. The browser host writes both attributes into the page itself; the Electron
// window reads the copies the app keeps in localStorage (src/theme.ts). "system" lets CSS follow the OS.
/* global document */
(function () {
  var root = document.documentElement;
  function stored(key, allowed, fallback) {
    try {
      var value = localStorage.getItem(key);
      return allowed.indexOf(value) >= 0 ? value : fallback;
    } catch {
      return fallback; // storage unavailable
    }
  }
  if (!root.hasAttribute('data-theme'))
    root.setAttribute('data-theme', stored('baton.theme', ['light', 'dark'], 'system'));
  if (!root.hasAttribute('data-sidebar'))
    root.setAttribute('data-sidebar', stored('baton.sidebar', ['collapsed'], 'expanded'));
})();
