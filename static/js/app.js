// Ask before destructive POSTs. The question is read from data-confirm (escaped by Jinja as
// an attribute value), never interpolated into script, so user data cannot run as code.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
});
