// termlint report: summary on top, filters, and j/k (n/p) from finding to finding. No network.
(function () {
  "use strict";
  var main = document.getElementById("files"), summary = document.getElementById("summary");
  if (main && summary) { main.parentNode.insertBefore(summary, main); }
  var hidden = {};
  function anchors() {
    return Array.prototype.filter.call(document.querySelectorAll("mark.m[id]"), function (m) {
      return !m.classList.contains("off");
    });
  }
  function apply() {
    document.querySelectorAll("mark.m, li.note, sup.tag").forEach(function (el) {
      var node = el.tagName === "SUP" ? el.previousElementSibling : el, off = false;
      if (!node) { return; }
      node.classList.forEach(function (c) { if (hidden[c]) { off = true; } });
      el.classList.toggle("off", off);
      if (el.id && el.tagName === "MARK") { el.tabIndex = off ? -1 : 0; }
    });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", function () { hidden[box.dataset.filter] = !box.checked; apply(); });
  });
  function mark(n) { return document.querySelectorAll('[data-f="' + n + '"]'); }
  var current = null;
  function highlight(n) {
    if (current !== null) { mark(current).forEach(function (el) { el.classList.remove("cur"); }); }
    current = n;
    if (n !== null) { mark(n).forEach(function (el) { el.classList.add("cur"); }); }
  }
  document.addEventListener("focusin", function (e) {
    var t = e.target;
    highlight(t.tagName === "MARK" && t.dataset.f ? t.dataset.f : null);
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { return; }
    var step = { j: 1, n: 1, k: -1, p: -1 }[e.key];
    if (!step) { return; }
    var list = anchors(), i = list.indexOf(document.activeElement);
    if (!list.length) { return; }
    if (i < 0) {  // start from what is on screen
      i = step > 0 ? -1 : list.length;
      for (var k = 0; k < list.length; k++) {
        if (list[k].getBoundingClientRect().top >= 0) { i = step > 0 ? k - 1 : k; break; }
      }
    }
    var next = list[Math.min(list.length - 1, Math.max(0, i + step))];
    e.preventDefault();
    next.focus({ preventScroll: true });
    highlight(next.dataset.f);  // focusin does not fire while the window itself lacks focus
    next.scrollIntoView({ block: "center" });
  });
})();
