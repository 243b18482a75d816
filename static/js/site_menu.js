// The header's menu button on narrow screens (issue #17; styles in static/css/site.css).
// Loaded from the page's <head> (an external file: the Content-Security-Policy refuses
// inline script), so the "js" class is on <html> before the header is painted and the
// sections never flash open. Without JavaScript the class is absent, the button stays
// hidden and every section link is shown. The CSS decides, by width, whether the button
// shows; this script only keeps aria-expanded in step with a click or Escape.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  const button = document.querySelector(".menu-toggle");
  if (!button) {
    return;
  }
  const menu = document.getElementById(button.getAttribute("aria-controls"));
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu from the button or any of its links, and focus returns
  // to the button (WAI-ARIA disclosure pattern).
  [button, menu].forEach(function (element) {
    element.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  });
});
