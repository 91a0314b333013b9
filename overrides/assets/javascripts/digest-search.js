// Safeguarding Digest search, over Pagefind's JavaScript API.
//
// Pagefind's ready-made UI loads every filter index before the first query, and those grow
// with the site. Here a query fetches only its own word index and the excerpts it shows;
// filters load when a reader opens "Narrow the results". Everything from the index is put on
// the page as text (excerpts keep only Pagefind's <mark> highlights), so no content can run.
(function () {
  "use strict";
  var form = document.getElementById("digest-search-form");
  if (!form) return;
  var input = document.getElementById("digest-search-input");
  var status = document.getElementById("digest-search-status");
  var list = document.getElementById("digest-search-results");
  var more = document.getElementById("digest-search-more");
  var filtersBox = document.getElementById("digest-search-filters");
  var filterPanel = document.getElementById("digest-filter-panel");
  var root = new URL(form.getAttribute("data-root"), window.location.href).pathname;
  var PAGE = 10;
  var engine = null;
  var chosen = {};
  var results = [];
  var shown = 0;
  var query = "";

  function load() {
    if (!engine) {
      engine = import(root + "pagefind/pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: root }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function say(text) { status.textContent = text; }

  function excerpt(html) {
    // Keep the words and Pagefind's <mark> highlights; drop anything else.
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createElement("p");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    return Promise.all(batch.map(function (result) { return result.data(); }))
      .then(function (pages) {
        pages.forEach(function (page) {
          var item = document.createElement("li");
          var heading = document.createElement("h2");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = (page.meta && page.meta.title) || page.url;
          heading.appendChild(link);
          item.appendChild(heading);
          item.appendChild(excerpt(page.excerpt || ""));
          list.appendChild(item);
        });
      });
  }

  function run() {
    query = input.value.trim();
    var address = new URL(window.location.href);
    if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
    window.history.replaceState(null, "", address);
    list.textContent = "";
    more.hidden = true;
    if (!query) { say(""); return Promise.resolve(); }
    say("Searching for " + query + "\u2026");
    return load().then(function (pagefind) {
      return pagefind.search(query, { filters: chosen });
    }).then(function (search) {
      results = search ? search.results : [];
      shown = 0;
      var count = results.length;
      say(count === 0 ? "No results for " + query
        : count + (count === 1 ? " result" : " results") + " for " + query);
      return showMore();
    }).catch(function () {
      say("Search could not load. Browse by area or topic instead.");
    });
  }

  function buildFilters(filters) {
    filterPanel.textContent = "";
    var names = { authority: "Area", topic: "Topic", kind: "Kind of page" };
    Object.keys(filters).sort().forEach(function (name) {
      var group = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = names[name] || name;
      group.appendChild(legend);
      Object.keys(filters[name]).sort().forEach(function (value, index) {
        var id = "digest-filter-" + name + "-" + index;
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.addEventListener("change", function () {
          var values = chosen[name] || [];
          chosen[name] = box.checked ? values.concat([value])
            : values.filter(function (v) { return v !== value; });
          if (!chosen[name].length) delete chosen[name];
          run();
        });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = value + " (" + filters[name][value] + ")";
        var row = document.createElement("div");
        row.className = "digest-filter";
        row.appendChild(box);
        row.appendChild(label);
        group.appendChild(row);
      });
      filterPanel.appendChild(group);
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  more.addEventListener("click", function () { showMore(); });
  filtersBox.addEventListener("toggle", function () {
    if (!filtersBox.open || filterPanel.getAttribute("data-loaded")) return;
    filterPanel.setAttribute("data-loaded", "yes");
    filterPanel.textContent = "Loading\u2026";
    load().then(function (pagefind) { return pagefind.filters(); }).then(buildFilters);
  });
  form.hidden = false;
  filtersBox.hidden = false;
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) { input.value = asked; run(); }
})();
