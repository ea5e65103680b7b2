/* The self-assessment for programme managers. Answers and findings stay in this page: the result is
   computed with WayOutFramework (framework.js) from the rules embedded in the page, the same rules the
   site's own ratings come from. */
(function () {
  "use strict";

  function text(value, language) { return value[language] || value.en; }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function element(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key]; else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function setUp(root) {
    var data = JSON.parse(root.querySelector("[data-self-assessment-data]").textContent);
    var lang = data.language, ui = data.ui, rules = data.rules;
    var form = root.querySelector("[data-self-assessment-form]");
    var findings = root.querySelector("[data-findings]");
    var result = root.querySelector("[data-self-assessment-result]");
    var output = root.querySelector("[data-result-output]");
    var counter = 0;
    var ruleById = {};
    rules.effectiveness.forEach(function (rule) { ruleById[rule.rating] = rule; });

    function options(select, items) {
      items.forEach(function (item) { select.appendChild(element("option", { value: item.value, text: item.label })); });
      return select;
    }

    function field(labelText, control) {
      var id = control.id;
      return element("div", { "class": "wayout-field" }, [element("label", { "for": id, text: labelText }), control]);
    }

    function checkbox(labelText, id) {
      var input = element("input", { type: "checkbox", id: id });
      return element("div", { "class": "wayout-field wayout-field--check" }, [input, element("label", { "for": id, text: labelText })]);
    }

    function addFinding() {
      counter += 1;
      var n = counter, prefix = "sa-finding-" + n + "-";
      var levels = Object.keys(rules.design_levels).map(function (level) {
        return { value: level, label: level + " – " + text(rules.design_levels[level], lang) };
      });
      var fieldset = element("fieldset", { "class": "wayout-finding", "data-finding": "" }, [
        element("legend", { text: format(ui["sa.finding"], { n: n }) }),
        field(ui["sa.study"], element("input", { type: "text", id: prefix + "study", name: "study", value: format(ui["sa.finding"], { n: n }) })),
        field(ui["column.design_level"], options(element("select", { id: prefix + "level", name: "design_level" }), levels)),
        field(ui["column.outcome"], options(element("select", { id: prefix + "outcome", name: "outcome" }), data.outcomes)),
        field(ui["column.result"], options(element("select", { id: prefix + "result", name: "result" }), data.results)),
        checkbox(ui["sa.significant"], prefix + "significant"),
        checkbox(ui["sa.independent"], prefix + "independent"),
        field(ui["sa.follow_up"], element("input", { type: "number", min: "0", step: "1", id: prefix + "follow-up", name: "follow_up_months" })),
        field(ui["sa.year"], element("input", { type: "number", min: "1950", max: "2100", step: "1", id: prefix + "year", name: "year" }))
      ]);
      var remove = element("button", { type: "button", "class": "md-button", text: ui["sa.remove"] });
      remove.addEventListener("click", function () { fieldset.remove(); });
      fieldset.appendChild(element("p", {}, [remove]));
      findings.appendChild(fieldset);
      fieldset.querySelector("input").focus();
      return fieldset;
    }

    function readFindings() {
      return Array.prototype.map.call(findings.querySelectorAll("[data-finding]"), function (fieldset) {
        function value(name) { return fieldset.querySelector("[name=" + name + "]").value; }
        var finding = {
          study: value("study") || fieldset.querySelector("legend").textContent,
          design_level: parseInt(value("design_level"), 10),
          outcome: value("outcome"),
          result: value("result"),
          significant: fieldset.querySelector("[id$=significant]").checked,
          independent: fieldset.querySelector("[id$=independent]").checked
        };
        if (value("follow_up_months") !== "") finding.follow_up_months = parseInt(value("follow_up_months"), 10);
        if (value("year") !== "") finding.year = parseInt(value("year"), 10);
        return finding;
      });
    }

    function readAnswers() {
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (input) { answers[input.name] = input.value; });
      return answers;
    }

    function badge(rating) {
      return element("span", { "class": "wayout-badge wayout-badge--" + rating }, [
        element("span", { "class": "wayout-badge__symbol", "aria-hidden": "true", text: data.symbols[rating] }),
        document.createTextNode(" " + text(ruleById[rating].label, lang))
      ]);
    }

    function traceList(trace) {
      return element("ul", {}, trace.slice().reverse().map(function (step) {
        var rule = ruleById[step[0]];
        var template = step[1] ? ui["framework.because"] : ui["framework.not"];
        return element("li", { text: format(template, { label: text(rule.label, lang), requires: text(rule.requires, lang) }) });
      }));
    }

    function table(headers, rows) {
      var tableNode = element("table");
      var head = tableNode.createTHead().insertRow();
      headers.forEach(function (header) { head.appendChild(element("th", { scope: "col", text: header })); });
      var body = tableNode.createTBody();
      rows.forEach(function (cells) {
        var row = body.insertRow();
        cells.forEach(function (cell, index) {
          var node = element(index === 0 ? "th" : "td", index === 0 ? { scope: "row" } : {});
          if (typeof cell === "string") node.textContent = cell; else node.appendChild(cell);
          row.appendChild(node);
        });
      });
      return element("div", { "class": "md-typeset__table" }, [tableNode]);
    }

    function show() {
      var rating = WayOutFramework.rate(readFindings(), new Date().getFullYear(), [], rules);
      var practice = WayOutFramework.practiceProfile(readAnswers(), data.practice);
      var outcomeLabel = {};
      data.outcomes.forEach(function (o) { outcomeLabel[o.value] = o.label; });
      output.textContent = "";
      output.appendChild(element("p", { "data-headline": rating.headline }, [
        element("strong", { text: ui["framework.headline"] + ": " }), badge(rating.headline)
      ]));
      if (rating.outcomes.length) {
        output.appendChild(table([ui["column.outcome"], ui["column.rating"], ui["column.strength"]], rating.outcomes.map(function (o) {
          return [outcomeLabel[o.outcome], badge(o.rating), format(ui["framework.strength_of"], { points: o.strength, maximum: rules.strength.maximum })];
        })));
        output.appendChild(element("h3", { text: ui["profile.how_rated"] }));
        rating.outcomes.forEach(function (o) {
          output.appendChild(element("p", {}, [element("strong", { text: outcomeLabel[o.outcome] })]));
          output.appendChild(traceList(o.trace));
        });
      } else {
        output.appendChild(element("p", { text: ui["sa.no_outcomes"] }));
      }
      output.appendChild(element("h3", { text: ui["sa.practice_result"] }));
      var levelLabel = {};
      data.practice.levels.forEach(function (level) { levelLabel[level.id] = text(level.label, lang); });
      var rows = data.practice.dimensions.map(function (d) {
        var score = practice.dimensions[d.id];
        return [text(d.label, lang), score.points + " / " + score.maximum, levelLabel[score.level]];
      });
      rows.push([ui["sa.overall"], "", levelLabel[practice.overall]]);
      output.appendChild(table([ui["column.dimension"], ui["sa.points"], ui["sa.level"]], rows));
      result.hidden = false;
      result.querySelector("h2").focus();
    }

    root.querySelector("[data-add-finding]").addEventListener("click", addFinding);
    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    root.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
    form.hidden = false;
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll("[data-self-assessment]"), setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
