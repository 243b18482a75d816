// The export page's "Select all" box (templates/admin/import_export/export.html): ticks or
// clears every field of the export. django-import-export wires it with an inline onchange
// attribute, which the site's Content-Security-Policy refuses.
"use strict";
document.addEventListener("change", (event) => {
  const toggle = event.target;
  if (!toggle.matches || !toggle.matches("input.select-toggle")) {
    return;
  }
  const boxes = document.querySelectorAll('.selectable-field-export-row input[type="checkbox"]');
  for (const box of boxes) {
    box.checked = toggle.checked;
  }
});
