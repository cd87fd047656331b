// "My agenda": sessions a reader picks, kept in this browser's localStorage (per
// meeting, nothing leaves the device). Day and session pages get a real toggle
// button (aria-pressed); the My agenda page lists the picks by day with clashes
// and join links, makes a calendar file of them from data/events.js (the very
// VEVENTs of the site's calendar files, so the UIDs match and nothing is imported
// twice) and a share link that carries the picks in the URL fragment
// (#share=id,id) and opens them read-only. Works from disk and under a sub-path.
(function () {
  "use strict";
  var _ = window.agendaText._, ngettext = window.agendaText.ngettext;
  var TEXT = {
    remove: _("Remove"), clashesWith: _("Clashes with"),
    summary: function (count, clashes, shared) {
      return ngettext("{count} item", "{count} items", count) + (shared ? " " + _("shared with you") : "") +
        ", " + (clashes ? ngettext("{count} clash", "{count} clashes", clashes) : _("no clashes"));
    },
    copied: _("Link copied"), copy: _("Copy link"), notStreamed: _("not streamed")
  };
  var meeting = document.body.getAttribute("data-meeting") || "";
  var KEY = "agenda.my." + meeting;

  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];  // storage blocked or damaged: start empty
    }
  }

  function save(ids) {
    try { window.localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* not kept */ }
  }

  function has(id) { return load().indexOf(id) >= 0; }

  function toggle(id) {
    var ids = load();
    var at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1); else ids.push(id);
    save(ids);
    return at < 0;
  }

  // ---- Toggle buttons on day and session pages --------------------------------
  var buttons = [].slice.call(document.querySelectorAll("button.my-toggle[data-item]"));

  function showPressed() {
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", has(button.getAttribute("data-item")) ? "true" : "false");
    });
  }

  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var added = toggle(button.getAttribute("data-item"));
      button.setAttribute("aria-pressed", added ? "true" : "false");
    });
  });
  showPressed();
  var changedElsewhere = showPressed;  // the page below also shows the change
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) changedElsewhere();
  });

  // ---- The My agenda page ------------------------------------------------------
  var page = document.querySelector(".my-agenda");
  var data = window.agendaEvents;
  if (!page || !data) return;
  var root = (function () {
    var script = document.querySelector("script[src$='data/events.js']");
    return script ? script.src.replace(/data\/events\.js$/, "") : "";
  })();
  var byId = {}, order = {};
  data.items.forEach(function (item, n) { byId[item.id] = item; order[item.id] = n; });
  var days = {};
  data.days.forEach(function (day) { days[day.date] = day; });
  var list = page.querySelector(".my-days");
  var sharedNote = page.querySelector(".my-shared");
  var empty = page.querySelector(".my-empty");
  var summary = page.querySelector(".my-summary");
  var actions = page.querySelector(".my-actions");
  var shareInput = page.querySelector(".my-share-link");

  function sharedIds() {
    var match = /(?:^|[#&])share=([^&]*)/.exec(window.location.hash);
    if (!match) return null;
    return decodeURIComponent(match[1]).split(",").filter(function (id) { return id; });
  }

  function picked(ids) {
    var seen = {};
    return ids.filter(function (id) {
      var known = byId.hasOwnProperty(id) && !seen[id];
      seen[id] = true;
      return known;
    }).map(function (id) { return byId[id]; })
      .sort(function (a, b) { return order[a.id] - order[b.id]; });
  }

  function clashesOf(items) {
    var clashes = {};
    items.forEach(function (a, i) {
      items.slice(i + 1).forEach(function (b) {
        if (Date.parse(b.start) < Date.parse(a.end) && Date.parse(a.start) < Date.parse(b.end)) {
          (clashes[a.id] = clashes[a.id] || []).push(b);
          (clashes[b.id] = clashes[b.id] || []).push(a);
        }
      });
    });
    return clashes;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(path, text) {
    var anchor = element("a", "", text);
    anchor.href = root + path;
    return anchor;
  }

  function timeElement(iso, text) {
    var node = element("time", "", text);
    node.setAttribute("datetime", iso);
    return node;
  }

  function entry(item, clashes, readOnly) {
    var li = element("li", "my-item" + (clashes ? " has-clash" : ""));
    li.id = "my-" + item.id;
    var when = element("p", "item-time");
    when.appendChild(timeElement(item.start, item.start_text));
    when.appendChild(document.createTextNode("–"));
    when.appendChild(timeElement(item.end, item.end_text));
    li.appendChild(when);
    var title = element("h3", "item-title");
    title.appendChild(link(item.path, item.label));
    li.appendChild(title);
    if (item.room) li.appendChild(element("p", "item-room", item.room));
    if (item.join_url) {
      var joining = element("p", "item-joining");
      var join = element("a", "join-link", item.join_text);
      join.href = item.join_url;
      joining.appendChild(join);
      if (item.join_note) joining.appendChild(element("span", "join-note", " – " + item.join_note));
      li.appendChild(joining);
    } else if (item.joining_label) {
      li.appendChild(element("p", "item-joining", item.joining_label));
    }
    if (clashes) {
      var clash = element("p", "my-clash");
      clash.appendChild(element("strong", "", TEXT.clashesWith + ": "));
      clashes.forEach(function (other, n) {
        if (n) clash.appendChild(document.createTextNode("; "));
        var to = element("a", "", other.label);
        to.href = "#my-" + other.id;
        clash.appendChild(to);
      });
      li.appendChild(clash);
    }
    if (!readOnly) {
      var remove = element("button", "my-remove", TEXT.remove);
      remove.type = "button";
      remove.appendChild(element("span", "visually-hidden", " – " + item.label));
      remove.addEventListener("click", function () {
        toggle(item.id);
        render();
        var next = page.querySelector(".my-remove, .my-download");
        if (next) next.focus();
      });
      li.appendChild(remove);
    }
    return li;
  }

  function render() {
    var shared = sharedIds();
    var readOnly = shared !== null;
    var items = picked(readOnly ? shared : load());
    var clashes = clashesOf(items);
    var clashCount = 0;
    Object.keys(clashes).forEach(function (id) { clashCount += clashes[id].length; });
    list.textContent = "";
    var current = null, ul = null;
    items.forEach(function (item) {
      if (item.day !== current) {
        current = item.day;
        var day = days[item.day];
        var section = element("section", "my-day");
        var heading = element("h2", "");
        heading.appendChild(link(day.path, day.name + ": " + day.long_date));
        section.appendChild(heading);
        ul = element("ul", "my-list");
        section.appendChild(ul);
        list.appendChild(section);
      }
      ul.appendChild(entry(item, clashes[item.id], readOnly));
    });
    sharedNote.hidden = !readOnly;
    empty.hidden = items.length > 0 || readOnly;
    actions.hidden = items.length === 0;
    summary.textContent = items.length ? TEXT.summary(items.length, clashCount / 2, readOnly) : "";
    var base = window.location.href.replace(/#.*$/, "");
    shareInput.value = base + "#share=" + items.map(function (item) { return item.id; }).join(",");
    page.hidden = false;
    if (window.agendaTime) window.agendaTime.refresh(list);
  }

  function calendarText() {
    var shared = sharedIds();
    var items = picked(shared !== null ? shared : load());
    return data.meeting.ics_head + data.meeting.ics_zone +
      items.map(function (item) { return item.ics; }).join("") + data.meeting.ics_end;
  }

  page.querySelector(".my-download").addEventListener("click", function () {
    var blob = new Blob([calendarText()], { type: "text/calendar;charset=utf-8" });
    var anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(blob);
    anchor.download = data.meeting.calendar_file;
    document.body.appendChild(anchor);
    anchor.click();
    document.body.removeChild(anchor);
    window.setTimeout(function () { URL.revokeObjectURL(anchor.href); }, 10000);
  });

  page.querySelector(".my-copy").addEventListener("click", function () {
    var button = this;
    function done() {
      button.textContent = TEXT.copied;
      window.setTimeout(function () { button.textContent = TEXT.copy; }, 2000);
    }
    shareInput.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(shareInput.value).then(done, function () {});
    } else if (document.execCommand && document.execCommand("copy")) {
      done();
    }
  });

  page.querySelector(".my-adopt").addEventListener("click", function () {
    var ids = load();
    (sharedIds() || []).forEach(function (id) {
      if (byId.hasOwnProperty(id) && ids.indexOf(id) < 0) ids.push(id);
    });
    save(ids);
    window.location.hash = "";
  });

  changedElsewhere = function () { showPressed(); render(); };
  window.addEventListener("hashchange", render);
  document.addEventListener("agenda:timemode", render);
  render();
})();
