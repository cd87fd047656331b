// What is on now and next, worked out in the browser from the page's own times.
//
// Every time on a page carries its instant with the meeting's UTC offset of that
// day ("2023-10-01T09:00+11:00"), so comparing instants stays right across a
// daylight-saving change; the meeting's calendar date ("today") is read in the
// meeting's zone. Times shown follow the zone the reader chose (agenda.js).
// The day page marks the items on now (all parallel ones) and next, with a line
// between items; the home page opens with Now / Next (data/events.js). Both
// update each minute. Without this script the pages are complete as they are.
(function () {
  "use strict";
  var _ = window.agendaText._, ngettext = window.agendaText.ngettext;
  function span(minutes) {
    var hours = Math.floor(minutes / 60), rest = minutes % 60;
    return minutes < 60 ? _("{minutes} min", { minutes: minutes })
      : _("{hours} h", { hours: hours }) + (rest ? " " + _("{minutes} min", { minutes: rest }) : "");
  }
  var TEXT = {
    now: _("Now"), next: _("Next"), nowLine: _("Now"),
    left: function (minutes) { return _("{time} left", { time: span(minutes) }); },
    nowAndNext: _("Now and next"), nothingNow: _("Nothing is on right now."),
    startsToday: _("The meeting starts today"), startsTomorrow: _("The meeting starts tomorrow"),
    startsIn: function (days) {
      return ngettext("The meeting starts in {count} day", "The meeting starts in {count} days", days);
    },
    ended: _("The meeting has ended"),
    endedBody: _("The programme, calendars and materials stay here."),
    firstDay: _("First day:"), today: _("Today:"),
    inMinutes: function (minutes) { return _("in {time}", { time: span(minutes) }); }
  };
  if (!window.Intl || !document.querySelector) return;
  var note = document.querySelector(".zone-note[data-timezone]");
  var meetingZone = note ? note.getAttribute("data-timezone") : "UTC";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // The calendar date (YYYY-MM-DD) of an instant in the meeting's zone.
  function meetingDate(instant) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: meetingZone, year: "numeric", month: "2-digit",
      day: "2-digit" }).formatToParts(instant).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function daysBetween(fromDate, toDate) {
    var from = fromDate.split("-"), to = toDate.split("-");
    return Math.round((Date.UTC(+to[0], to[1] - 1, +to[2]) - Date.UTC(+from[0], from[1] - 1, +from[2]))
                      / 86400000);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // A <time> with the meeting's wall-clock text; agenda.js shows it in the chosen zone.
  function timeElement(iso, text) {
    var node = element("time", "", text);
    node.setAttribute("datetime", iso);
    return node;
  }

  function showInChosenZone(root) {
    if (window.agendaTime) window.agendaTime.refresh(root);
  }

  // Items on now (all of them) and the next ones (every item of the next start).
  function nowAndNext(items, now) {
    var current = [], next = [], nextStart = Infinity;
    items.forEach(function (item) {
      if (item.start <= now && now < item.end) current.push(item);
      else if (item.start > now && item.start < nextStart) nextStart = item.start;
    });
    items.forEach(function (item) { if (item.start === nextStart) next.push(item); });
    return { current: current, next: next };
  }

  function every(update) {
    update();
    // Each minute, on the minute; a timer stays right whatever the clock's offset does.
    (function schedule() {
      window.setTimeout(function () { update(); schedule(); }, 60000 - (Date.now() % 60000) + 20);
    })();
    document.addEventListener("agenda:timemode", update);
  }

  // ---- Day page -------------------------------------------------------------
  function dayPage(timeline) {
    var articles = [].slice.call(timeline.querySelectorAll(".item[data-start][data-end]"));
    var items = articles.map(function (article) {
      return { article: article, start: Date.parse(article.getAttribute("data-start")),
               end: Date.parse(article.getAttribute("data-end")),
               title: article.querySelector(".item-title"),
               times: article.querySelector(".item-time") };
    }).filter(function (item) { return !isNaN(item.start) && !isNaN(item.end); });
    if (!items.length) return;
    var status = document.querySelector(".now-status");
    var first = Math.min.apply(null, items.map(function (i) { return i.start; }));
    var last = Math.max.apply(null, items.map(function (i) { return i.end; }));

    function clear() {
      items.forEach(function (item) {
        item.article.classList.remove("is-now", "is-next");
        var badge = item.article.querySelector(".now-badge");
        if (badge) badge.parentNode.removeChild(badge);
      });
      var line = timeline.querySelector(".now-line");
      if (line) line.parentNode.removeChild(line);
    }

    function mark(item, kind) {
      item.article.classList.add(kind === "now" ? "is-now" : "is-next");
      var badge = element("span", "badge now-badge now-badge-" + kind,
                          kind === "now" ? TEXT.now : TEXT.next);
      item.times.appendChild(document.createTextNode(" "));
      item.times.appendChild(badge);
    }

    function statusLink(item) {
      var link = element("a", "", item.title.textContent.trim());
      link.href = "#" + item.article.id;
      return link;
    }

    function update() {
      var now = Date.now();
      clear();
      if (status) { status.textContent = ""; status.hidden = true; }
      if (now < first - 12 * 3600000 || now >= last) return;  // not this day
      var found = nowAndNext(items, now);
      found.current.forEach(function (item) { mark(item, "now"); });
      found.next.forEach(function (item) { mark(item, "next"); });
      if (!found.current.length && found.next.length && now >= first) {
        var row = found.next[0].article.closest(".timeline-row");
        var line = element("li", "now-line");
        var f = window.agendaTime ? window.agendaTime.fields(window.agendaTime.zone(), new Date(now))
                                  : null;
        line.appendChild(element("span", "", TEXT.nowLine + (f ? " " + pad(f.hour) + ":" + pad(f.minute) : "")));
        if (row) row.parentNode.insertBefore(line, row);
      }
      if (!status) return;
      [["now", found.current], ["next", found.next]].forEach(function (entry) {
        if (!entry[1].length) return;
        var part = element("span", "now-status-" + entry[0]);
        part.appendChild(element("strong", "", (entry[0] === "now" ? TEXT.now : TEXT.next) + ": "));
        entry[1].forEach(function (item, n) {
          if (n) part.appendChild(document.createTextNode("; "));
          part.appendChild(statusLink(item));
        });
        if (status.childNodes.length) status.appendChild(document.createTextNode(" · "));
        status.appendChild(part);
      });
      status.hidden = !status.childNodes.length;
    }
    every(update);
  }

  // ---- Home page ------------------------------------------------------------
  function homePage(panel, data) {
    var root = (function () {
      var script = document.querySelector("script[src$='data/events.js']");
      return script ? script.src.replace(/data\/events\.js$/, "") : "";
    })();
    var items = data.items.map(function (item) {
      return { data: item, start: Date.parse(item.start), end: Date.parse(item.end) };
    });
    var days = {};
    data.days.forEach(function (day) { days[day.date] = day; });
    var heading = panel.querySelector("h2");
    var body = panel.querySelector(".now-next-body");
    if (!items.length || !heading || !body) return;
    var first = items[0].start, last = Math.max.apply(null, items.map(function (i) { return i.end; }));

    function link(path, text) {
      var anchor = element("a", "", text);
      anchor.href = root + path;
      return anchor;
    }

    function entry(item, now, kind) {
      var info = item.data;
      var li = element("li", "now-entry");
      var when = element("span", "now-when");
      when.appendChild(timeElement(info.start, info.start_text));
      when.appendChild(document.createTextNode("–"));
      when.appendChild(timeElement(info.end, info.end_text));
      li.appendChild(when);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link(info.path, info.label));
      var detail = element("span", "now-detail", " (");
      if (kind === "next") {
        var today = meetingDate(new Date(now)) === info.day;
        detail.appendChild(document.createTextNode(
          today ? TEXT.inMinutes(Math.round((item.start - now) / 60000))
                : (days[info.day] ? days[info.day].short_date : info.day)));
      } else {
        detail.appendChild(document.createTextNode(TEXT.left(Math.round((item.end - now) / 60000))));
      }
      if (info.room) detail.appendChild(document.createTextNode(", " + info.room));
      detail.appendChild(document.createTextNode(")"));
      li.appendChild(detail);
      if (info.join_url) {
        li.appendChild(document.createTextNode(" "));
        var join = element("a", "join-link", info.join_text);
        join.href = info.join_url;
        li.appendChild(join);
      } else if (info.joining === "in-person") {
        li.appendChild(element("span", "now-joining", " – " + info.joining_label));
      }
      return li;
    }

    function list(title, entries, now, kind) {
      var block = element("div", "now-block now-block-" + kind);
      block.appendChild(element("h3", "", title));
      var ul = element("ul", "now-list");
      entries.forEach(function (item) { ul.appendChild(entry(item, now, kind)); });
      block.appendChild(ul);
      return block;
    }

    function dayLink(prefix, date) {
      var day = days[date];
      var p = element("p", "now-day");
      if (!day) return p;
      p.appendChild(element("strong", "", prefix + " "));
      p.appendChild(link(day.path, day.name + ", " + day.long_date));
      return p;
    }

    function update() {
      var now = Date.now();
      var today = meetingDate(new Date(now));
      body.textContent = "";
      if (now >= last) {
        heading.textContent = TEXT.ended;
        body.appendChild(element("p", "", TEXT.endedBody));
      } else if (now < first && today !== items[0].data.day) {
        var count = daysBetween(today, items[0].data.day);
        heading.textContent = count === 1 ? TEXT.startsTomorrow : TEXT.startsIn(count);
        body.appendChild(dayLink(TEXT.firstDay, items[0].data.day));
        body.appendChild(list(TEXT.next, nowAndNext(items, now).next, now, "next"));
      } else {
        heading.textContent = now < first ? TEXT.startsToday : TEXT.nowAndNext;
        var found = nowAndNext(items, now);
        if (days[today]) body.appendChild(dayLink(TEXT.today, today));
        if (found.current.length) body.appendChild(list(TEXT.now, found.current, now, "now"));
        else body.appendChild(element("p", "now-nothing", TEXT.nothingNow));
        if (found.next.length) body.appendChild(list(TEXT.next, found.next, now, "next"));
      }
      showInChosenZone(body);
      panel.hidden = false;
    }
    every(update);
  }

  var timeline = document.querySelector(".timeline");
  if (timeline) dayPage(timeline);
  var panel = document.querySelector(".now-next");
  if (panel && window.agendaEvents) homePage(panel, window.agendaEvents);
})();
