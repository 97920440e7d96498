/*
 * The reader's text size and theme, applied before the first paint. A classic script loaded from
 * index.html's <head> (not inline, so that a Content-Security-Policy without 'unsafe-inline'
 * allows it), reading the copy that src/app/reader/settings.ts keeps in localStorage of the
 * settings in IndexedDB (which cannot be read synchronously). It sets on <html>:
 *   data-text-size  the step (absent for the default), sized by styles.css;
 *   data-theme-choice  system, light or dark;
 *   data-theme  the theme shown, light or dark (system: the device's, followed as it changes).
 * Keep the steps' range and the key in step with settings.ts (settings.test.ts runs this file).
 */
(function () {
  var root = document.documentElement;
  var saved = null;
  try {
    saved = JSON.parse(localStorage.getItem('reader-settings') || 'null');
  } catch (error) {
    saved = null;
  }
  var size = saved && saved.textSize;
  if (typeof size === 'number' && size % 1 === 0 && size >= -1 && size <= 4 && size !== 0) root.setAttribute('data-text-size', String(size));
  var choice = saved && (saved.theme === 'light' || saved.theme === 'dark') ? saved.theme : 'system';
  root.setAttribute('data-theme-choice', choice);
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function apply() {
    var chosen = root.getAttribute('data-theme-choice');
    root.setAttribute('data-theme', chosen === 'light' || chosen === 'dark' ? chosen : dark && dark.matches ? 'dark' : 'light');
  }
  apply();
  if (dark && dark.addEventListener) dark.addEventListener('change', apply);
})();
