/* Filters the bibliography page by topic, type and text, and keeps the filter in the address
   (?topic=…&type=…&q=…) so that a filtered view can be shared. Runs only where the filter form is.
   Everything happens in the page: no request is made. */
(function () {
  "use strict";

  function setUp(form) {
    var list = document.getElementById(form.getAttribute("aria-controls"));
    if (!list) return;
    var entries = Array.prototype.slice.call(list.querySelectorAll("[data-bib-entry]"));
    var groups = Array.prototype.slice.call(list.querySelectorAll("[data-bib-group]"));
    var status = form.querySelector("[role=status]");
    var fields = { topic: form.elements.topic, type: form.elements.type, q: form.elements.q };
    // Counts as the page's language writes them (1,234 · 1 234 · 1.234); the site's Portuguese is Portugal's.
    var language = document.documentElement.lang || "en";
    var count = new Intl.NumberFormat(language === "pt" ? "pt-PT" : language);

    function normalise(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    entries.forEach(function (entry) { entry.dataset.bibText = normalise(entry.textContent); });

    function apply(updateAddress) {
      var topic = fields.topic.value, type = fields.type.value, words = normalise(fields.q.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      entries.forEach(function (entry) {
        var visible = (!topic || entry.dataset.topic === topic) &&
          (!type || entry.dataset.type === type) &&
          words.every(function (word) { return entry.dataset.bibText.indexOf(word) !== -1; });
        entry.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-bib-entry]:not([hidden])");
      });
      status.textContent = status.dataset.template.replace("{shown}", count.format(shown)).replace("{total}", count.format(entries.length));
      if (updateAddress) {
        var parameters = new URLSearchParams();
        Object.keys(fields).forEach(function (name) { if (fields[name].value) parameters.set(name, fields[name].value); });
        var query = parameters.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    var initial = new URLSearchParams(location.search);
    Object.keys(fields).forEach(function (name) {
      if (initial.has(name)) fields[name].value = initial.get(name);
      fields[name].addEventListener("input", function () { apply(true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-bib-filter]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
