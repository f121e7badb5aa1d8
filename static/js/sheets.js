// Printed sheets: a Print button on the print views, and progress of the "make all PDFs" job.
// Without JavaScript the browser's own print command and the page's refresh link do the same.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

(() => {
  const box = document.getElementById("all-pdfs");
  if (!box || !/^(queued|running)$/.test(box.dataset.state)) return;
  const state = box.querySelector(".job-state");
  const list = box.querySelector(".job-files");
  const show = (status) => {
    state.textContent = status.state === "failed" ? status.error
      : `Making the PDFs: ${status.done} of ${status.total} done.`;
    list.replaceChildren(...status.files.map((name) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = status.urls[name];
      link.textContent = name;  // text, never HTML
      item.append(link);
      return item;
    }));
  };
  const poll = () => {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((status) => {
        if (status.state === "done") { window.location.reload(); return; }
        show(status);
        if (status.state !== "failed") setTimeout(poll, 1500);
      })
      .catch(() => setTimeout(poll, 5000));
  };
  setTimeout(poll, 1000);
})();
