// Seating page: poll a running seating job; drag guests between tables (the forms remain
// the keyboard and no-JS way to do the same).
(function () {
  "use strict";

  function pollStatus() {
    var box = document.getElementById("seating-status");
    if (!box || !box.dataset.statusUrl) return;
    var text = box.querySelector(".progress-text");
    var started = Date.now();
    function tick() {
      fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.done) { window.location.reload(); return; }
          if (text) text.textContent = (s.progress || s.label || "") + " (" + Math.round((Date.now() - started) / 1000) + " s)";
          setTimeout(tick, 1500);
        })
        .catch(function () { setTimeout(tick, 4000); });
    }
    setTimeout(tick, 1000);
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }

  // After an edit the page reloads: bring the table the organizer worked on back to the
  // same place on the screen (messages above it may have changed the page's height).
  var SCROLL_KEY = "dinnerplan-seating-scroll";
  function keepScroll(card) {
    var place = { y: window.scrollY };
    if (card && card.id) { place.id = card.id; place.top = card.getBoundingClientRect().top; }
    try { sessionStorage.setItem(SCROLL_KEY, JSON.stringify(place)); } catch (e) { /* private mode */ }
  }
  function restoreScroll() {
    var place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
      sessionStorage.removeItem(SCROLL_KEY);
    } catch (e) { return; }
    if (!place) return;
    var card = place.id && document.getElementById(place.id);
    if (card) window.scrollBy(0, card.getBoundingClientRect().top - place.top);
    else window.scrollTo(0, place.y || 0);
  }
  function rememberOnSubmit() {
    document.querySelectorAll(".seat-summary form, .seat-tables form").forEach(function (form) {
      form.addEventListener("submit", function () { keepScroll(form.closest(".seat-table")); });
    });
  }

  function post(url, fields, card) {
    keepScroll(card);
    var body = new FormData();
    body.append("csrf_token", csrfToken());
    Object.keys(fields).forEach(function (k) { body.append(k, fields[k]); });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin",
                        headers: { "X-CSRFToken": csrfToken() } })
      .then(function (r) { window.location.href = r.url || window.location.href; });
  }

  function dragAndDrop() {
    var grid = document.querySelector(".seat-tables");
    if (!grid) return;
    var version = grid.dataset.version;
    grid.addEventListener("dragstart", function (e) {
      var li = e.target.closest && e.target.closest(".seat-guest");
      if (li) e.dataTransfer.setData("text/plain", li.dataset.guestId);
    });
    grid.addEventListener("dragover", function (e) {
      var card = e.target.closest && e.target.closest(".seat-table");
      if (card) { e.preventDefault(); card.classList.add("drop-target"); }
    });
    grid.addEventListener("dragleave", function (e) {
      var card = e.target.closest && e.target.closest(".seat-table");
      if (card) card.classList.remove("drop-target");
    });
    grid.addEventListener("drop", function (e) {
      var card = e.target.closest && e.target.closest(".seat-table");
      var guest = e.dataTransfer.getData("text/plain");
      if (!card || !guest) return;
      e.preventDefault();
      var onto = e.target.closest(".seat-guest");
      if (onto && onto.dataset.guestId !== guest) {
        post(grid.dataset.swapUrl, { version: version, a: guest, b: onto.dataset.guestId }, card);
      } else if (!card.querySelector('[data-guest-id="' + guest + '"]')) {
        post(grid.dataset.moveUrl, { version: version, guest_id: guest, table_id: card.dataset.tableId }, card);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    restoreScroll(); rememberOnSubmit(); pollStatus(); dragAndDrop();
  });
})();
