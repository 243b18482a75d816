// Tabular inlines (issue #15 item 10; styles in static/css/admin.css), once modeltranslation
// has folded each translated field's three columns into one column of language tabs:
// 1. the "Add another" row and the error rows span the columns that are shown. They kept
//    the colspan the server rendered (ten for an agreement's actions), and a fixed-layout
//    table gave the two missing columns 200 px of empty space at its right edge;
// 2. every cell carries its column's heading in data-label, which the narrow-screen layout
//    shows above the field (at 360 px each row is a card, not a table wider than the phone).
"use strict";
(function () {
  // "note_ru" is a language column when "note_en" or another language of it is there too.
  function languageOf(heading) {
    const match = /(?:^|\s)column-(\w+)_([a-z]{2})(?:\s|$)/.exec(heading.className);
    if (!match) return null;
    const siblings = heading.parentElement.querySelectorAll(`th[class*="column-${match[1]}_"]`);
    return siblings.length > 1 ? match[2] : null;
  }
  function fit(table) {
    const headings = [...table.querySelectorAll("thead th")].filter(
      (th) => getComputedStyle(th).display !== "none",
    );
    // Read-only rows (a Contributor on a published entry) have a column per language,
    // all headed "Note": each says its language, as the editable columns do.
    // (Editable columns are folded into tabs by modeltranslation, under one heading.)
    for (const heading of table.querySelector(".ui-tabs") ? [] : headings) {
      const language = languageOf(heading);
      const text = heading.firstChild;
      if (language && text && text.nodeType === Node.TEXT_NODE && !text.data.includes("[")) {
        text.data = `${text.data.trim()} [${language}] `;
      }
    }
    // A hidden field (a row's version stamp) has a heading and a cell of class "hidden".
    const field = (cell) => !cell.classList.contains("hidden");
    for (const cell of table.querySelectorAll("tbody td[colspan]")) {
      cell.colSpan = headings.length;
    }
    for (const row of table.querySelectorAll("tbody tr.form-row:not(.empty-form)")) {
      [...row.children].filter(field).forEach((cell, index) => {
        const heading = headings[index];
        // A column of language tabs drops the heading's "[en]"; read-only rows keep one
        // column per language, each labelled with its own ("Note [ru]", not "Note" thrice).
        const text = heading ? heading.textContent.trim() : "";
        const label = cell.classList.contains("ui-tabs")
          ? text.replace(/\s*\[.+?\]/, "").trim()
          : text;
        if (label && !cell.dataset.label) {
          cell.dataset.label = label;
        }
      });
    }
  }
  function fitAll() {
    document.querySelectorAll(".inline-group .tabular table").forEach(fit);
  }
  // After every "ready" handler (Django's inlines.js, then modeltranslation's tabs).
  window.addEventListener("load", () => setTimeout(fitAll, 0));
  // A row added with "Add another" gets its tabs in the same click: label it after that.
  document.addEventListener("formset:added", () => setTimeout(fitAll, 0));
})();
