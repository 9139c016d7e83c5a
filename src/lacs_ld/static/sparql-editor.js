// The query editor: YASGUI configured for this endpoint, its prefixes and its example queries.
(function () {
  "use strict";
  var element = document.getElementById("yasgui");
  if (!element || typeof Yasgui === "undefined") { return; }
  var config = JSON.parse(element.getAttribute("data-config"));
  var prologue = ["lacs", "rdfs", "judgement"].map(function (name) {
    return "PREFIX " + name + ": <" + config.prefixes[name] + ">";
  }).join("\n");
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];  // the others fetch from other sites
  var yasgui = new Yasgui(element, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false
  });
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
