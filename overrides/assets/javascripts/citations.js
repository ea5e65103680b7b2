/* Gives each in-text citation its reference as a title, which Material turns into a tooltip on
   hover and keyboard focus. The reference text is taken from the page's own reference list rather
   than repeated in the HTML of every citation, which keeps pages light.
   This runs before the DOMContentLoaded event, when Material mounts its tooltips. */
(function () {
  "use strict";
  var links = document.querySelectorAll('.citation a[href^="#ref-"]');
  for (var i = 0; i < links.length; i++) {
    var entry = document.getElementById(links[i].getAttribute("href").slice(1));
    if (entry) links[i].title = entry.textContent.replace(/\s+/g, " ").trim();
  }
})();
