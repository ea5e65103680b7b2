/* A table wider than the text column scrolls sideways inside Material's wrapper; a keyboard user
   can scroll it only if the wrapper can take focus (WCAG 2.1.1; axe: scrollable-region-focusable).
   Which tables overflow depends on the language and the window, so this runs on every page load
   and on every resize, and only overflowing wrappers become tab stops. */
(function () {
  "use strict";

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
      }
    });
  }

  // Material wraps the tables when it mounts a page (document$), also after instant navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.requestAnimationFrame(update); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { window.requestAnimationFrame(update); });
  }
  window.addEventListener("resize", update);
})();
