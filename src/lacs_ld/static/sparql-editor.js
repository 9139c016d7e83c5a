// The query editor: YASGUI configured for this endpoint, its prefixes and its example queries,
// showing results as people read them and patched to meet WCAG 2.2 AA.
(function () {
  "use strict";
  var element = document.getElementById("yasgui");
  if (!element || typeof Yasgui === "undefined") { return; }
  var config = JSON.parse(element.getAttribute("data-config"));
  var prologue = ["lacs", "rdfs", "judgement"].map(function (name) {
    return "PREFIX " + name + ": <" + config.prefixes[name] + ">";
  }).join("\n");
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];  // the others fetch from other sites
  Yasgui.Yasr.defaults.prefixes = config.prefixes;        // IRIs shown as prefixed names

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function compact(iri) {
    for (var name in config.prefixes) {
      if (iri.indexOf(config.prefixes[name]) === 0) { return name + ":" + iri.slice(config.prefixes[name].length); }
    }
    return iri;
  }
  // A literal as its plain value; its datatype or language on hover.
  var Table = Yasgui.Yasr.plugins.table;
  if (Table && Table.prototype) {
    Table.prototype.formatLiteral = function (binding) {
      var hint = binding["xml:lang"] ? "language: " + binding["xml:lang"]
        : binding.datatype ? "datatype: " + compact(binding.datatype) : "";
      var text = escapeHtml(binding.value);
      return hint ? '<span title="' + escapeHtml(hint) + '">' + text + "</span>" : text;
    };
  }

  var yasgui = new Yasgui(element, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false
  });

  // WCAG: every control named, tabs that only own tabs, no reference to a missing panel.
  function label(selector, name) {
    element.querySelectorAll(selector).forEach(function (node) {
      if (!node.getAttribute("aria-label")) { node.setAttribute("aria-label", name); }
    });
  }
  function patch() {
    label(".CodeMirror textarea", "SPARQL query");
    label("input.autocomplete", "Endpoint");
    label("select.tableSizer", "Rows per page");
    label(".yasr select", "Results view");
    label(".yasr input[type=search], .yasr input[type=text]", "Filter the results");
    // The "new tab" button sits among the tabs: it is announced as one more tab.
    element.querySelectorAll("[role=tablist] button.addTab").forEach(function (button) {
      if (button.getAttribute("role") !== "tab") {
        button.setAttribute("role", "tab");
        button.setAttribute("aria-selected", "false");
        button.setAttribute("aria-label", "New query tab");
      }
    });
    element.querySelectorAll(".tabsList .tab a").forEach(function (link) {
      var name = link.querySelector("span");
      if (name && link.title !== name.textContent) { link.title = name.textContent; }
    });
    element.querySelectorAll("[aria-controls]").forEach(function (node) {
      if (!document.getElementById(node.getAttribute("aria-controls"))) { node.removeAttribute("aria-controls"); }
    });
  }
  new MutationObserver(patch).observe(element, { childList: true, subtree: true });
  patch();

  var first = yasgui.getTab();
  first.setQuery(config.query || (prologue + "\n\nSELECT ?authority ?name WHERE {\n  ?authority a lacs:LocalAuthority ; rdfs:label ?name .\n} LIMIT 20"));
  // A tab that is not shown has no editor yet: its query travels in its configuration.
  config.examples.forEach(function (example) {
    yasgui.addTab(false, { name: example.title, yasqe: { value: example.query }, requestConfig: { endpoint: config.endpoint, method: "POST" } });
  });
  if (config.query) { first.query(); }
  first.getYasqe().on("query", function () {
    var url = config.endpoint + "?query=" + encodeURIComponent(first.getQuery());
    window.history.replaceState(null, "", url);
  });
})();
