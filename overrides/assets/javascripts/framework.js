/* The WayOut rating engine in the browser. It interprets rules.yml (published as JSON) exactly as
   scripts/wayout/framework/engine.py and practice.py do; a browser test runs both on the same answer
   sets and requires identical results. Nothing here makes a request. */
(function (global) {
  "use strict";

  var KEY_YEAR = /^[a-z]+(\d{4})/;

  function finding(data) {
    var year = data.year;
    if (year === undefined || year === null) {
      var match = KEY_YEAR.exec(data.source || "");
      year = match ? parseInt(match[1], 10) : null;
    }
    return {
      study: data.study,
      design_level: parseInt(data.design_level, 10),
      outcome: data.outcome,
      result: data.result,
      significant: !!data.significant,
      independent: !!data.independent,
      follow_up_months: data.follow_up_months === undefined ? null : data.follow_up_months,
      year: year,
      systematic_review: !!data.systematic_review,
      emmie: data.emmie || []
    };
  }

  function matches(f, c) {
    if ("min_level" in c && f.design_level < c.min_level) return false;
    if ("max_level" in c && f.design_level > c.max_level) return false;
    if ("results" in c && c.results.indexOf(f.result) === -1) return false;
    if ("significant" in c && f.significant !== c.significant) return false;
    if ("independent" in c && f.independent !== c.independent) return false;
    if ("systematic_review" in c && f.systematic_review !== c.systematic_review) return false;
    if ("min_follow_up" in c && (f.follow_up_months || 0) < c.min_follow_up) return false;
    return true;
  }

  function distinctStudies(findings, c) {
    var studies = {};
    findings.forEach(function (f) { if (matches(f, c)) studies[f.study] = true; });
    return Object.keys(studies).length;
  }

  function holds(condition, findings, referenceYear) {
    if (condition.all) return condition.all.every(function (part) { return holds(part, findings, referenceYear); });
    if (condition.any) return condition.any.some(function (part) { return holds(part, findings, referenceYear); });
    if (condition.count) {
      var n = distinctStudies(findings, condition.count);
      if ("at_least" in condition && n < condition.at_least) return false;
      if ("at_most" in condition && n > condition.at_most) return false;
      return true;
    }
    var pool;
    if (condition.share) {
      pool = findings.filter(function (f) { return matches(f, condition.of); });
      if (!pool.length) return false;
      var hits = pool.filter(function (f) { return matches(f, condition.share); }).length;
      return hits / pool.length > condition.more_than;
    }
    if (condition.disagreement) {
      pool = findings.filter(function (f) { return matches(f, condition.disagreement); }).map(function (f) { return f.result; });
      if (!pool.length) return false;
      var counts = {}, most = 0;
      pool.forEach(function (r) { counts[r] = (counts[r] || 0) + 1; most = Math.max(most, counts[r]); });
      return (pool.length - most) / pool.length > condition.more_than;
    }
    if ("newest_older_than" in condition) {
      var years = findings.filter(function (f) { return matches(f, condition.of) && f.year; }).map(function (f) { return f.year; });
      return years.length > 0 && referenceYear - Math.max.apply(null, years) > condition.newest_older_than;
    }
    throw new Error("unknown condition in rules: " + JSON.stringify(condition));
  }

  function rateOutcome(outcome, findings, referenceYear, rules) {
    var trace = [], rating = rules.effectiveness[rules.effectiveness.length - 1].rating;
    for (var i = 0; i < rules.effectiveness.length; i++) {
      var rule = rules.effectiveness[i], met = holds(rule.when, findings, referenceYear);
      trace.push([rule.rating, met]);
      if (met) { rating = rule.rating; break; }
    }
    var strength = rules.strength;
    var highest = findings.reduce(function (m, f) { return Math.max(m, f.design_level); }, 0);
    var points = strength.base_by_highest_level[String(highest)];
    var strengthTrace = [["base", points]];
    strength.adjustments.forEach(function (adjustment, index) {
      if (holds(adjustment.when, findings, referenceYear)) {
        points += adjustment.add;
        strengthTrace.push(["adjustment-" + index, adjustment.add]);
      }
    });
    var studies = {};
    findings.forEach(function (f) { studies[f.study] = true; });
    return {
      outcome: outcome,
      rating: rating,
      trace: trace,
      strength: Math.max(0, Math.min(strength.maximum, points)),
      strength_trace: strengthTrace,
      multi_study: holds(rules.multi_study.when, findings, referenceYear),
      studies: Object.keys(studies).length
    };
  }

  function emmieScores(findings, referenceYear, rules) {
    var scores = {};
    Object.keys(rules.emmie.dimensions).forEach(function (dimension) {
      var informing = findings.filter(function (f) {
        return f.emmie.indexOf(dimension) !== -1 ||
          (dimension === "effect" && rules.unrated_outcomes.indexOf(f.outcome) === -1);
      });
      for (var i = 0; i < rules.emmie.levels.length; i++) {
        if (holds(rules.emmie.levels[i].when, informing, referenceYear)) { scores[dimension] = rules.emmie.levels[i].score; break; }
      }
    });
    return scores;
  }

  function rate(evaluations, referenceYear, outcomes, rules) {
    var findings = evaluations.map(finding);
    var wanted = [];
    (outcomes || []).concat(findings.map(function (f) { return f.outcome; })).forEach(function (o) {
      if (wanted.indexOf(o) === -1) wanted.push(o);
    });
    var rated = wanted.filter(function (o) { return rules.unrated_outcomes.indexOf(o) === -1; });
    var ratings = rated.map(function (o) {
      return rateOutcome(o, findings.filter(function (f) { return f.outcome === o; }), referenceYear, rules);
    });
    var order = rules.headline_order, headline = "not-yet-evaluated";
    if (ratings.length) {
      headline = ratings.map(function (r) { return r.rating; }).sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); })[0];
    }
    return { headline: headline, outcomes: ratings, emmie: emmieScores(findings, referenceYear, rules) };
  }

  function level(points, maximum, practice) {
    for (var i = 0; i < practice.levels.length; i++) {
      if (points * 100 >= Math.round(practice.levels[i].min_share * 100) * maximum) return practice.levels[i].id;
    }
  }

  function practiceProfile(answers, practice) {
    var pointsOf = {}, best = 0;
    practice.answers.forEach(function (a) { pointsOf[a.id] = a.points; best = Math.max(best, a.points); });
    var dimensions = {}, total = 0, totalMaximum = 0;
    practice.dimensions.forEach(function (d) {
      var points = d.questions.reduce(function (sum, q) { return sum + pointsOf[answers[q.id] || "no"]; }, 0);
      var maximum = best * d.questions.length;
      dimensions[d.id] = { points: points, maximum: maximum, level: level(points, maximum, practice) };
      total += points; totalMaximum += maximum;
    });
    return { dimensions: dimensions, overall: level(total, totalMaximum, practice) };
  }

  global.WayOutFramework = { rate: rate, practiceProfile: practiceProfile };
})(window);
