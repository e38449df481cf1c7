// Start Wagtail's date, time and date-time pickers from markers its widgets leave (see
// templates/wagtailadmin/widgets/), instead of the inline script Wagtail would render: the
// admin's Content-Security-Policy allows no inline scripts. Forms added later (inline panels,
// StreamField blocks, filters refreshed in place) are picked up as they appear.
(function () {
  "use strict";
  var started = new WeakSet();

  function start(marker) {
    if (started.has(marker)) return;
    var init = window[marker.dataset.voicePicker];
    var input = document.getElementById(marker.dataset.voicePickerFor);
    if (typeof init !== "function" || !input) return;
    started.add(marker);
    init(input.id, JSON.parse(marker.dataset.voicePickerConfig || "{}"));
  }

  function startAll(root) {
    root.querySelectorAll("[data-voice-picker]").forEach(start);
  }

  function watch() {
    startAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches("[data-voice-picker]")) start(node);
          startAll(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
