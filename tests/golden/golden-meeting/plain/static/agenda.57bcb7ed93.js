// Progressive enhancements; every page is complete without this script.

// The page's words in its language: <body data-strings> (generator/site/
// script_strings.py; no inline scripts under the page's Content-Security-Policy).
// A word is looked up by its English text, which stays when it has no translation;
// a plural by its singular, one form per Intl.PluralRules category. Babel extracts
// every _("...") and ngettext("...", "...", n) of the scripts into the catalogues.
window.agendaText = (function () {
  "use strict";
  var words = {};
  try {
    words = JSON.parse(document.body.getAttribute("data-strings") || "{}") || {};
  } catch (e) { words = {}; }
  var rules = window.Intl && Intl.PluralRules
    ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }
  return {
    _: function (text, values) {
      return fill(typeof words[text] === "string" ? words[text] : text, values);
    },
    ngettext: function (one, other, count, values) {
      var forms = words[one];
      var category = rules ? rules.select(count) : (count === 1 ? "one" : "other");
      var text = (forms && typeof forms === "object" && forms[category]) || (count === 1 ? one : other);
      var all = { count: count };
      for (var key in values || {}) all[key] = values[key];
      return fill(text, all);
    }
  };
})();

// Time zones: a control switches every time on the page between the meeting's
// time, the browser's zone and UTC. The choice is kept in localStorage, so it
// follows the reader from page to page, and always named in visible text.
(function () {
  "use strict";
  var _ = window.agendaText._;
  var KEY = "agenda.timeMode";
  var MODES = ["meeting", "local", "utc"];
  var note = document.querySelector(".zone-note[data-timezone]");
  if (!note || !window.Intl || !document.querySelectorAll) return;
  var meetingZone = note.getAttribute("data-timezone");
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  var lang = document.documentElement.lang || "en";
  var meetingNote = note.innerHTML;
  var meetingName = (note.querySelector(".zone-name") || note).textContent;
  var meetingStart = new Date((note.getAttribute("data-start") || "") + "T12:00:00Z");

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // Wall-clock fields of an instant in a zone.
  function fields(zone, instant) {
    var out = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric",
      day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"
    }).formatToParts(instant).forEach(function (part) {
      if (part.type !== "literal") out[part.type] = parseInt(part.value, 10);
    });
    out.hour = out.hour % 24;
    return out;
  }

  function offsetText(zone, instant) {
    var f = fields(zone, instant);
    var wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    var minutes = Math.round((wall - instant.getTime()) / 60000);
    var sign = minutes < 0 ? "\u2212" : "+";
    minutes = Math.abs(minutes);
    return "UTC" + sign + pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
  }

  // "Tue 21 Jun", like the pages' own short dates.
  function shortDate(zone, instant) {
    var parts = {};
    new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: "short", day: "numeric",
      month: "short" }).formatToParts(instant).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.weekday + " " + parts.day + " " + parts.month;
  }

  function zoneOf(mode) {
    return mode === "local" ? browserZone : mode === "utc" ? "UTC" : meetingZone;
  }

  function label(mode, instant) {
    if (mode === "utc") return "UTC";
    if (mode === "local") return _("your time ({zone}, {offset})",
                                    { zone: browserZone, offset: offsetText(browserZone, instant) });
    return meetingName;
  }

  // A time keeps the meeting day's place on the page; when it falls on another
  // date in the chosen zone, that date is written next to it.
  function showTime(element, mode) {
    if (!element.hasAttribute("data-meeting-text")) {
      element.setAttribute("data-meeting-text", element.textContent);
    }
    if (mode === "meeting") {
      element.textContent = element.getAttribute("data-meeting-text");
      return;
    }
    var stamp = element.getAttribute("datetime");
    var instant = new Date(stamp);
    if (isNaN(instant.getTime())) return;
    var zone = zoneOf(mode);
    var f = fields(zone, instant);
    var text = pad(f.hour) + ":" + pad(f.minute);
    if (f.year + "-" + pad(f.month) + "-" + pad(f.day) !== stamp.slice(0, 10)) {
      text += " (" + shortDate(zone, instant) + ")";
    }
    element.textContent = text;
  }

  function showLabel(element, mode) {
    if (!element.hasAttribute("data-meeting-text")) {
      element.setAttribute("data-meeting-text", element.textContent);
    }
    var date = element.getAttribute("data-date");
    element.textContent = mode === "meeting" ? element.getAttribute("data-meeting-text")
      : label(mode, date ? new Date(date + "T12:00:00Z") : meetingStart);
  }

  function showNote(mode) {
    if (mode === "meeting") {
      note.innerHTML = meetingNote;
      return;
    }
    note.textContent = _("Times shown in: {shown}. The meeting's own time is {meeting} ({zone}).",
                         { shown: label(mode, meetingStart), meeting: meetingName, zone: meetingZone });
  }

  function applyWithin(root, mode) {
    var times = root.querySelectorAll("time[datetime*='T']");
    for (var i = 0; i < times.length; i++) showTime(times[i], mode);
    var labels = root.querySelectorAll(".zone-label");
    for (var j = 0; j < labels.length; j++) showLabel(labels[j], mode);
  }

  function apply(mode) {
    applyWithin(document, mode);
    showNote(mode);
    document.documentElement.setAttribute("data-time-mode", mode);
  }

  function stored() {
    try {
      var mode = window.localStorage.getItem(KEY);
      return MODES.indexOf(mode) >= 0 ? mode : "meeting";
    } catch (e) {
      return "meeting";  // storage blocked (private mode, file: URLs in some browsers)
    }
  }

  function remember(mode) {
    try { window.localStorage.setItem(KEY, mode); } catch (e) { /* not remembered */ }
  }

  function control(mode) {
    var box = document.createElement("p");
    box.className = "zone-controls";
    var caption = document.createElement("label");
    caption.htmlFor = "time-mode";
    caption.textContent = _("Times shown in:") + " ";
    var select = document.createElement("select");
    select.id = "time-mode";
    var texts = { meeting: _("meeting time, {zone}", { zone: meetingName }), local: label("local", meetingStart),
                  utc: "UTC" };
    MODES.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = texts[value];
      option.selected = value === mode;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      remember(select.value);
      current = select.value;
      apply(current);
      document.dispatchEvent(new CustomEvent("agenda:timemode", { detail: current }));
    });
    box.appendChild(caption);
    box.appendChild(select);
    return box;
  }

  var current = stored();

  // For the other scripts (now.js, my-agenda.js): the reader's chosen zone, and a
  // way to show times they add to the page in it. They listen for "agenda:timemode".
  window.agendaTime = {
    meetingZone: meetingZone,
    mode: function () { return current; },
    zone: function () { return zoneOf(current); },
    fields: fields,
    shortDate: shortDate,
    refresh: function (root) { if (current !== "meeting") applyWithin(root, current); }
  };

  var main = document.getElementById("main");
  if (main) main.insertBefore(control(current), main.firstChild);
  if (current !== "meeting") apply(current);
})();
