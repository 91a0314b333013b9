// Safeguarding Digest: the phone-width menu works from the keyboard.
//
// Material opens its drawer with a <label> for a hidden checkbox, which Tab never reaches, and
// leaves the closed drawer's links in the tab order, off screen. Here the label becomes a real
// button that says whether the menu is open, and the closed drawer is made inert so focus never
// goes where nothing can be seen. Without JavaScript the label still opens the menu.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  var narrow = window.matchMedia("(max-width: 76.234375em)");

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " digest-menu-button";
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-label", "Menu");
  button.setAttribute("aria-controls", "digest-drawer");
  drawer.id = drawer.id || "digest-drawer";
  label.replaceWith(button);

  function sync() {
    var open = toggle.checked;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (narrow.matches && !open) drawer.setAttribute("inert", "");
    else drawer.removeAttribute("inert");
  }

  function setOpen(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
    sync();
    if (open) {
      var first = drawer.querySelector("a[href], button, input");
      if (first) first.focus();
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () { setOpen(!toggle.checked); });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) setOpen(false);
  });
  if (narrow.addEventListener) narrow.addEventListener("change", sync);
  sync();
})();

// The menu shows which section a page is in, also for pages it does not list (a meeting is
// part of "Areas", a report of "Reports and reviews").
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config || document.querySelector(".md-nav--primary .md-nav__link--active")) return;
  var root = new URL(JSON.parse(config.textContent).base + "/", window.location.href);
  var section = window.location.pathname.slice(root.pathname.length).split("/")[0];
  var owner = { authorities: "authorities/", meetings: "authorities/", committees: "authorities/",
                reviews: "reviews/", topics: "topics/", recommendations: "recommendations/",
                sources: "about/" }[section];
  if (!owner) return;
  var target = new URL(owner, root).pathname;
  document.querySelectorAll(".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
    if (new URL(link.href).pathname === target) {
      link.classList.add("md-nav__link--active");
      link.setAttribute("aria-current", "location");
    }
  });
})();
