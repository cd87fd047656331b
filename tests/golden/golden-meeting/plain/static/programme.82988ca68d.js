// The programme page's filters and search. The page lists every item; this
// script shows the form and hides the items that do not match, as you type.
// The filters live in the URL (?q=...&day=...): a filtered view can be shared,
// and Back returns to the previous one. Text search reads data/search.js (each
// item's titles, descriptions, people, organisations and notes), or the entry's
// own text when that file is missing. Works from disk (no fetch()).
(function () {
  "use strict";
  var _ = window.agendaText._, ngettext = window.agendaText.ngettext;
  var TEXT = {
    count: function (shown, total) {
      return shown === total ? ngettext("All {count} item shown.", "All {count} items shown.", total)
        : ngettext("{shown} of {count} items match.", "{shown} of {count} items match.", shown,
                   { shown: shown, count: total }) + (shown ? "" : " " + _("Clear a filter to see more."));
    }
  };
  var form = document.querySelector("form.filters");
  if (!form || !window.URLSearchParams || !window.history.pushState) return;
  var query = form.querySelector("input[name=q]");
  var selects = [].slice.call(form.querySelectorAll("select"));
  var status = document.querySelector(".filter-count");
  var more = form.querySelector("details") || {};
  // Wide screens have room for every filter; on a phone they wait behind a summary.
  var wide = window.matchMedia && window.matchMedia("(min-width: 48rem)").matches;
  var sections = [].slice.call(document.querySelectorAll(".programme-day"));
  var texts = window.agendaSearch || {};

  // Lower case, accents and Markdown marks dropped (as generator/outputs/companion_data.py).
  var MARKS = /[\u0300-\u036f]/g, PUNCTUATION = /[*_`#>\[\]()|]+|\s+/g;
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(MARKS, "").replace(PUNCTUATION, " ").trim();
  }

  var entries = [].slice.call(document.querySelectorAll(".programme-entry")).map(function (li) {
    var id = li.getAttribute("data-id");
    var keys = {};
    selects.forEach(function (select) {
      keys[select.name] = (li.getAttribute("data-" + select.name) || "").split(" ");
    });
    return { li: li, keys: keys, text: texts.hasOwnProperty(id) ? texts[id] : fold(li.textContent),
             shown: true, section: li.closest(".programme-day") };
  });

  function current() {
    var state = { q: query.value };
    selects.forEach(function (select) { state[select.name] = select.value; });
    return state;
  }

  function matches(entry, words, state) {
    for (var s = 0; s < selects.length; s++) {
      var value = state[selects[s].name];
      if (value && entry.keys[selects[s].name].indexOf(value) < 0) return false;
    }
    for (var w = 0; w < words.length; w++) {
      if (entry.text.indexOf(words[w]) < 0) return false;
    }
    return true;
  }

  function show(state) {
    var folded = fold(state.q || "");
    var words = folded ? folded.split(" ") : [];
    var shown = 0, perSection = new Map();
    entries.forEach(function (entry) {
      var visible = matches(entry, words, state);
      if (visible !== entry.shown) {  // touch only what changes: fewer style recalculations
        entry.li.hidden = !visible;
        entry.shown = visible;
      }
      if (visible) {
        shown++;
        perSection.set(entry.section, true);
      }
    });
    sections.forEach(function (section) {
      var visible = perSection.has(section);
      if (section.hidden === visible) section.hidden = !visible;
    });
    status.textContent = TEXT.count(shown, entries.length);
  }

  function toUrl(state) {
    var params = new URLSearchParams();
    Object.keys(state).forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "") + window.location.hash;
  }

  // Typing replaces the history entry it started; any other change adds one, so
  // Back steps through the filters a reader chose, not through every keystroke.
  var typing = false;
  function remember(state, byTyping) {
    var url = toUrl(state);
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (byTyping && typing) window.history.replaceState(state, "", url);
    else window.history.pushState(state, "", url);
    typing = byTyping;
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    query.value = params.get("q") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      select.value = value;
      if (select.value !== value) select.value = "";  // an option this build does not have
    });
    typing = false;
    if (selects.some(function (select) { return select.value; }) || wide) more.open = true;
    show(current());
  }

  query.addEventListener("input", function () {
    var state = current();
    show(state);
    remember(state, true);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () {
      var state = current();
      show(state);
      remember(state, false);
    });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {  // after the browser has cleared the fields
      var state = current();
      show(state);
      remember(state, false);
    }, 0);
  });
  window.addEventListener("popstate", fromUrl);

  form.hidden = false;
  fromUrl();
})();
