// Filters of the listlint HTML report: by severity, by rule, and a search on id or title.
// Without JavaScript the form stays hidden and every listing is shown.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var severity = document.getElementById("filter-severity");
  var rule = document.getElementById("filter-rule");
  var search = document.getElementById("filter-search");
  var status = document.getElementById("filter-status");
  var entries = null;

  function text(card, selector) {
    var node = card.querySelector(selector);
    return node ? node.textContent : "";
  }

  function index() {  // built on first use, so opening a large report stays fast
    entries = Array.prototype.map.call(document.querySelectorAll("article.listing"), function (card) {
      return {
        card: card,
        group: card.parentNode,
        text: (text(card, ".listing-id") + " " + text(card, ".listing-title")).toLowerCase(),
        findings: Array.prototype.map.call(card.querySelectorAll("li.finding"), function (item) {
          return { item: item, severity: item.getAttribute("data-severity"), rule: item.getAttribute("data-rule") };
        })
      };
    });
  }

  function show(element, visible) {
    if (element.hidden === visible) { element.hidden = !visible; }
  }

  function apply() {
    if (entries === null) { index(); }
    var wantSeverity = severity.value;
    var wantRule = rule.value;
    var query = search.value.trim().toLowerCase();
    var filtering = wantSeverity !== "" || wantRule !== "";
    var shown = 0;
    var groups = new Map();
    entries.forEach(function (entry) {
      var matches = query === "" || entry.text.indexOf(query) !== -1;
      var anyFinding = false;
      entry.findings.forEach(function (finding) {
        var keep = (wantSeverity === "" || finding.severity === wantSeverity) &&
          (wantRule === "" || finding.rule === wantRule);
        show(finding.item, keep);
        anyFinding = anyFinding || keep;
      });
      if (filtering && !anyFinding) { matches = false; }
      show(entry.card, matches);
      if (matches) { shown += 1; }
      groups.set(entry.group, groups.get(entry.group) || matches);
    });
    groups.forEach(function (visible, group) { show(group, visible); });
    status.textContent = "Showing " + shown + " of " + entries.length + " listings";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.hidden = false;
  var total = document.querySelectorAll("article.listing").length;
  status.textContent = "Showing " + total + " of " + total + " listings";
}());
