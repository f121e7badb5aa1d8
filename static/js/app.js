// Ask before destructive POSTs. The question is read from data-confirm (escaped by Jinja as
// an attribute value), never interpolated into script, so user data cannot run as code.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
});

// "Copy link": copy the named read-only field. Without the clipboard API (or without
// JavaScript) the field is still there to select and copy by hand.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Selected: press Ctrl+C";
  }
});
