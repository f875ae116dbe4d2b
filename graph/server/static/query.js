/* The query page: YASGUI on this server's endpoint, the library queries as examples (each a
   permalink), and a network view of the current result. Texts go only into textContent. */
(function () {
  "use strict";
  var ENDPOINT = location.origin + "/sparql";
  var examples = JSON.parse(document.getElementById("tkg-examples").textContent);

  /* Offline: no autocompleter that calls other hosts (prefix.cc, LOV). */
  var completers = Yasgui.Yasqe.defaults.autocompleters;
  completers.splice(0, completers.length, "variables");

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: ENDPOINT, method: "POST",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9"
    },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: {getData: function () { return [{endpoint: ENDPOINT}]; }, keys: []},
    /* A permalink always runs against this server's endpoint. */
    populateFromUrl: function (config) { config.requestConfig.endpoint = ENDPOINT; return config; },
    persistenceId: "tkg-yasgui",
    tabName: "Query"
  });
  window.tkgYasgui = yasgui;
  document.getElementById("tkg-endpoint").textContent = ENDPOINT;

  function permalink(query, title) {
    return location.origin + location.pathname + "#query=" + encodeURIComponent(query) +
      "&tabTitle=" + encodeURIComponent(title || "Query");
  }
  function openExample(ex) {
    return yasgui.addTab(true, {name: ex.title, yasqe: {value: ex.text}, requestConfig: {endpoint: ENDPOINT}});
  }
  window.tkgOpenExample = function (name) {
    var ex = examples.find(function (e) { return e.name === name; });
    return ex ? openExample(ex) : null;
  };

  var list = document.getElementById("tkg-examples-list");
  examples.forEach(function (ex) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = permalink(ex.text, ex.title);
    a.textContent = ex.title;
    a.title = ex.description;
    a.setAttribute("data-name", ex.name);
    a.addEventListener("click", function (ev) { ev.preventDefault(); openExample(ex); });
    var kind = document.createElement("span");
    kind.className = "muted";
    kind.textContent = " " + ex.kind;
    li.append(a, kind);
    list.appendChild(li);
  });

  var panel = document.getElementById("tkg-network-panel");
  var frame = document.getElementById("tkg-network-frame");
  document.getElementById("tkg-network-btn").addEventListener("click", function () {
    var tab = yasgui.getTab();
    frame.src = "/graph/query?query=" + encodeURIComponent(tab.getQuery());
    panel.hidden = false;
  });
  document.getElementById("tkg-network-close").addEventListener("click", function () {
    panel.hidden = true;
    frame.removeAttribute("src");
  });
  document.getElementById("tkg-permalink-btn").addEventListener("click", function () {
    var tab = yasgui.getTab();
    var url = permalink(tab.getQuery(), tab.getName());
    var box = document.getElementById("tkg-permalink");
    box.value = url;
    box.hidden = false;
    box.select();
    history.replaceState(null, "", url);
  });
})();
