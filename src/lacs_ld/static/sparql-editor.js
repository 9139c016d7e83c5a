// The query editor: YASGUI configured for this endpoint, its prefixes and its example queries.
(function () {
  "use strict";
  var element = document.getElementById("yasgui");
  if (!element || typeof Yasgui === "undefined") { return; }
  var config = JSON.parse(element.getAttribute("data-config"));
  var prologue = Object.keys(config.prefixes).sort().map(function (name) {
    return "PREFIX " + name + ": <" + config.prefixes[name] + ">";
  }).join("\n");
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  var yasgui = new Yasgui(element, {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,
    populateFromUrl: false
  });
  var first = yasgui.getTab();
  first.setQuery(config.query || (prologue + "\n\nSELECT ?authority ?name WHERE {\n  ?authority a lacs:LocalAuthority ; rdfs:label ?name .\n} LIMIT 20"));
  config.examples.forEach(function (example) {
    var tab = yasgui.addTab(false, { name: example.title, yasqe: { value: example.query }, requestConfig: { endpoint: config.endpoint, method: "POST" } });
    tab.setQuery(example.query);
  });
  if (config.query) { first.query(); }
  first.getYasqe().on("query", function () {
    var url = config.endpoint + "?query=" + encodeURIComponent(first.getQuery());
    window.history.replaceState(null, "", url);
  });
})();
