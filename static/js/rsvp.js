// The guest's RSVP page, made shorter with JavaScript; without it every part still works.
(() => {
  const form = document.querySelector(".rsvp-form");
  if (!form) return;

  // After a failed submit, start at the list of problems (screen readers hear it first).
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // Someone who says "No" needs no profile: hide it while "No" is chosen.
  const profile = document.getElementById("profile");
  const syncProfile = () => {
    const no = form.querySelector('input[name="answer"][value="no"]');
    if (profile && no) profile.hidden = no.checked;
  };
  form.addEventListener("change", (event) => {
    if (event.target.name === "answer") syncProfile();
  });
  syncProfile();

  // "Add another offer": one more empty box per click instead of all of them at once.
  for (const more of form.querySelectorAll("details.add-more")) {
    const rows = [...more.querySelectorAll(".item")];
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link add-another";
    button.textContent = "+ " + more.querySelector("summary").textContent.trim();
    for (const row of rows) {
      row.hidden = true;
      more.before(row);
    }
    more.replaceWith(button);
    button.addEventListener("click", () => {
      const next = rows.find((row) => row.hidden);
      next.hidden = false;
      next.querySelector("input").focus();
      if (!rows.some((row) => row.hidden)) button.remove();
    });
  }
})();
