// Help-topic chips on the RSVP page: as a guest types a need or an offer, suggested topics
// appear as chips; tapping one ticks its checkbox, which the form saves as confirmed.
// Topic names are set as text, never HTML. Without JavaScript the block stays hidden
// (unless topics are confirmed) and the confirmation step after saving does the job.
(() => {
  const root = document.getElementById("topic-chips");
  if (!root) return;
  const form = root.closest("form");
  root.hidden = false;
  root.querySelector(".topic-search").hidden = false;
  root.querySelector("[name=topics_js]").value = "1";
  const PER_FIELD = 3;
  const timers = {};
  const pending = {};
  const box = (side) => document.getElementById(`${side}-chips`);

  const chipFor = (side, id) =>
    [...box(side).querySelectorAll("input")].find((input) => input.value === id);

  const addChip = (side, topic, source, checked) => {
    let input = chipFor(side, topic.id);
    if (!input) {
      const label = document.createElement("label");
      label.className = "chip";
      input = document.createElement("input");
      input.type = "checkbox";
      input.name = `${side}_topics`;
      input.value = topic.id;
      label.append(input, ` ${topic.name}`);
      label.dataset.sources = "";
      box(side).append(label);
    }
    const label = input.closest("label");
    if (source && label.dataset.sources !== undefined) {
      label.dataset.sources = `${label.dataset.sources} ${source}`.trim();
    }
    if (checked) input.checked = true;
  };

  // Unticked chips suggested only by this field go when the field's text changes.
  const dropSuggestions = (source) => {
    root.querySelectorAll(".chips label[data-sources]").forEach((label) => {
      const rest = label.dataset.sources.split(" ").filter((s) => s && s !== source);
      label.dataset.sources = rest.join(" ");
      if (!rest.length && !label.querySelector("input").checked) label.remove();
    });
  };

  const getJSON = async (key, url) => {
    pending[key]?.abort();
    const controller = new AbortController();
    pending[key] = controller;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      return response.ok ? (await response.json()).topics : null;
    } catch {
      return null;  // aborted by newer typing, or offline: keep what is shown
    }
  };

  const suggestFor = (field, side) => {
    clearTimeout(timers[field.id]);
    timers[field.id] = setTimeout(async () => {
      const text = field.value.trim();
      if (!text) return dropSuggestions(field.id);
      const url = new URL(root.dataset.suggestUrl, window.location.href);
      url.search = new URLSearchParams({ side, text }).toString();
      const topics = await getJSON(field.id, url);
      if (topics === null) return;
      dropSuggestions(field.id);
      topics.slice(0, PER_FIELD).forEach((topic) => addChip(topic.side, topic, field.id, false));
    }, 250);
  };

  form.querySelectorAll("input[name^='offers-'], input[name^='needs-']").forEach((field) => {
    const side = field.name.startsWith("offers-") ? "offer" : "need";
    field.addEventListener("input", () => suggestFor(field, side));
    if (field.value.trim() && !box(side).querySelector("input:checked")) suggestFor(field, side);
  });

  const search = document.getElementById("topic-search");
  const results = document.getElementById("search-results");
  const showResults = (topics) => {
    results.replaceChildren(...topics.slice(0, 5).map((topic) => {
      const item = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = topic.name;
      name.title = topic.description || "";
      item.append(name);
      for (const [side, text] of [["need", "I need"], ["offer", "I offer"]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "secondary small";
        button.textContent = text;
        button.addEventListener("click", () => {
          addChip(side, topic, "", true);
          search.value = "";
          results.replaceChildren();
        });
        item.append(button);
      }
      return item;
    }));
  };
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();  // searching never submits the RSVP
  });
  search.addEventListener("input", () => {
    clearTimeout(timers.search);
    timers.search = setTimeout(async () => {
      const q = search.value.trim();
      if (!q) return results.replaceChildren();
      const url = new URL(root.dataset.searchUrl, window.location.href);
      url.search = new URLSearchParams({ q }).toString();
      const topics = await getJSON("search", url);
      if (topics !== null) showResults(topics);
    }, 250);
  });
})();
