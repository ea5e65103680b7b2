/* Catalogues of programmes and evidence cards: filters, sorting and a side-by-side comparison of two
   to four rows, all kept in the address (?country=DE&sort=rating&compare=a,b) so that a view can be
   shared. Data comes from the page itself; nothing is requested. */
(function () {
  "use strict";

  function setUp(root) {
    var form = root.querySelector("[data-catalogue-filter]");
    var table = root.querySelector("[data-catalogue-table]");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var data = JSON.parse(root.querySelector("[data-catalogue-data]").textContent);
    var byId = {};
    data.rows.forEach(function (row) { byId[row.id] = row; });
    var status = form.querySelector("[role=status]");
    var empty = root.querySelector("[data-catalogue-empty]");
    var compareButton = root.querySelector("[data-compare-button]");
    var compareRegion = root.querySelector("[data-compare-region]");
    var compareOutput = root.querySelector("[data-compare-output]");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-compare]"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var words = form.elements.q;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells).filter(function (th) { return th.dataset.sort; });
    var state = { sort: "title", dir: "ascending", compare: [] };
    // Counts as the page's language writes them (1,234 · 1 234 · 1.234); the site's Portuguese is Portugal's.
    var language = document.documentElement.lang || "en";
    var count = new Intl.NumberFormat(language === "pt" ? "pt-PT" : language);

    function normalise(text) { return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
    rows.forEach(function (row) { row.dataset.text = normalise(row.textContent); });

    function writeAddress() {
      var parameters = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) parameters.set(select.name, select.value); });
      if (words.value) parameters.set("q", words.value);
      if (state.sort !== "title" || state.dir !== "ascending") { parameters.set("sort", state.sort); parameters.set("dir", state.dir); }
      if (state.compare.length) parameters.set("compare", state.compare.join(","));
      var query = parameters.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function filter() {
      var terms = normalise(words.value).split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || (row.dataset[select.name] || "").split(" ").indexOf(select.value) !== -1;
        }) && terms.every(function (term) { return row.dataset.text.indexOf(term) !== -1; });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = status.dataset.template.replace("{shown}", count.format(shown)).replace("{total}", count.format(rows.length));
      empty.hidden = shown > 0;
    }

    function sort() {
      var header = headers.filter(function (th) { return th.dataset.sort === state.sort; })[0] || headers[0];
      var key = "sort" + header.dataset.sort.charAt(0).toUpperCase() + header.dataset.sort.slice(1);
      var numeric = header.dataset.sortType === "number", sign = state.dir === "ascending" ? 1 : -1;
      rows.slice().sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
        return sign * (order || a.dataset.sortTitle.localeCompare(b.dataset.sortTitle));
      }).forEach(function (row) { body.appendChild(row); });
      headers.forEach(function (th) {
        if (th === header) th.setAttribute("aria-sort", state.dir); else th.removeAttribute("aria-sort");
      });
    }

    function selectedIds() {
      return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    }

    function updateButton() {
      compareButton.disabled = selectedIds().length < 2;
    }

    function renderComparison(moveFocus) {
      var chosen = state.compare.filter(function (id) { return byId[id]; });
      boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
      updateButton();
      if (chosen.length < 2) { compareRegion.hidden = true; compareOutput.textContent = ""; return; }
      var labels = [];
      chosen.forEach(function (id) {
        byId[id].compare.facts.forEach(function (fact) { if (labels.indexOf(fact.label) === -1) labels.push(fact.label); });
      });
      var tableHtml = document.createElement("table");
      var head = tableHtml.createTHead().insertRow();
      var corner = document.createElement("td");
      head.appendChild(corner);
      chosen.forEach(function (id) {
        var th = document.createElement("th");
        th.scope = "col";
        var link = document.createElement("a");
        link.href = byId[id].url;
        link.textContent = byId[id].title;
        th.appendChild(link);
        head.appendChild(th);
      });
      var tbody = tableHtml.createTBody();
      function addRow(label, values) {
        var tr = tbody.insertRow(), th = document.createElement("th");
        th.scope = "row";
        th.textContent = label;
        tr.appendChild(th);
        values.forEach(function (value) { tr.insertCell().textContent = value; });
      }
      addRow(data.labels["column.rating"], chosen.map(function (id) { return byId[id].headline.symbol + " " + byId[id].headline.label; }));
      addRow(data.labels["column.strength"], chosen.map(function (id) { return byId[id].strength + " / " + data.strength_maximum; }));
      labels.forEach(function (label) {
        addRow(label, chosen.map(function (id) {
          var fact = byId[id].compare.facts.filter(function (f) { return f.label === label; })[0];
          return fact ? fact.value : "–";
        }));
      });
      var wrapper = document.createElement("div");
      wrapper.className = "md-typeset__table";
      wrapper.appendChild(tableHtml);
      compareOutput.textContent = "";
      compareOutput.appendChild(wrapper);
      compareRegion.hidden = false;
      if (moveFocus) compareRegion.querySelector("h2").focus();
    }

    // Column headers become sort buttons.
    headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wayout-sort";
      button.textContent = th.textContent.trim();
      button.setAttribute("aria-label", th.dataset.sortLabel);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        state.dir = state.sort === th.dataset.sort && state.dir === "ascending" ? "descending" : "ascending";
        state.sort = th.dataset.sort;
        sort();
        writeAddress();
      });
    });

    var initial = new URLSearchParams(location.search);
    selects.forEach(function (select) { if (initial.has(select.name)) select.value = initial.get(select.name); });
    if (initial.has("q")) words.value = initial.get("q");
    if (initial.has("sort")) state.sort = initial.get("sort");
    if (initial.get("dir") === "descending") state.dir = "descending";
    if (initial.has("compare")) state.compare = initial.get("compare").split(",").filter(function (id) { return byId[id]; }).slice(0, 4);

    form.addEventListener("input", function () { filter(); writeAddress(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { filter(); writeAddress(); }, 0); });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (selectedIds().length > 4) box.checked = false;  // at most four side by side
        updateButton();
      });
    });
    compareButton.addEventListener("click", function () {
      state.compare = selectedIds();
      renderComparison(true);
      writeAddress();
    });
    root.querySelector("[data-compare-clear]").addEventListener("click", function () {
      state.compare = [];
      renderComparison(false);
      writeAddress();
      compareButton.focus();
    });

    form.hidden = false;
    filter();
    sort();
    renderComparison(false);
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll("[data-catalogue]"), setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
