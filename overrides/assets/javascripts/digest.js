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
