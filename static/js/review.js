// Keyboard shortcuts for the review desk. Everything here is also reachable
// with plain links and buttons; this only makes it faster.
(function () {
  "use strict";

  var disputing = false;

  function panel() { return document.getElementById("panel"); }
  function marks() { return Array.prototype.slice.call(document.querySelectorAll(".article-text .fig")); }

  function isTyping(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function selectedIndex() {
    var p = panel();
    if (!p) return -1;
    var id = p.getAttribute("data-figure");
    return marks().findIndex(function (m) { return m.getAttribute("data-figure") === id; });
  }

  function go(step) {
    var all = marks();
    var next = all[selectedIndex() + step];
    if (next) next.click();
  }

  function submit(decision) {
    var form = document.querySelector("#panel .verdict-form");
    if (!form) return;
    // A click (not requestSubmit) so htmx sends the button's name and value.
    var button = form.querySelector('button[name="decision"][value="' + decision + '"]');
    if (button) button.click();
  }

  function setDisputing(on) {
    disputing = on;
    var fieldset = document.querySelector("#panel .reasons");
    if (fieldset) fieldset.classList.toggle("is-active", on);
  }

  function focusField(id) {
    var field = document.getElementById(id);
    if (field) field.focus();
  }

  // After every panel swap: mark the selected figure in the text, keep it in
  // view, and put focus on the panel heading so screen readers announce it.
  function syncSelection() {
    var p = panel();
    if (!p) return;
    var id = p.getAttribute("data-figure");
    marks().forEach(function (m) {
      var on = m.getAttribute("data-figure") === id;
      m.classList.toggle("is-selected", on);
      if (on) {
        m.setAttribute("aria-current", "true");
        m.scrollIntoView({ block: "nearest" });
      } else {
        m.removeAttribute("aria-current");
      }
    });
    setDisputing(false);
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "panel") {
      syncSelection();
      var heading = document.getElementById("panel-heading");
      if (heading && !isTyping(document.activeElement)) heading.focus({ preventScroll: true });
    }
  });
  document.addEventListener("DOMContentLoaded", syncSelection);

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var dialog = document.getElementById("shortcuts");
    if (event.key === "Escape") {
      if (isTyping(document.activeElement)) document.activeElement.blur();
      setDisputing(false);
      return;
    }
    if (isTyping(event.target)) {
      // Enter in a one-line field would submit the form as an approval.
      if (event.key === "Enter" && event.target.tagName === "INPUT") {
        event.preventDefault();
        event.target.blur();
      }
      return;
    }
    if (!panel()) return;
    if (disputing && /^[1-7]$/.test(event.key)) {
      var radios = document.querySelectorAll('#panel input[name="reason"]');
      var radio = radios[Number(event.key) - 1];
      if (radio) {
        radio.checked = true;
        submit("dispute");
      }
      event.preventDefault();
      return;
    }
    var handled = true;
    switch (event.key) {
      case "j": go(1); break;
      case "k": go(-1); break;
      case "a": submit("approve"); break;
      case "d": setDisputing(true); break;
      case "e": focusField("corrected-value"); break;
      case "n": focusField("note"); break;
      case "u":
        var undo = document.querySelector("#panel .undo-form button");
        if (undo) undo.click();
        break;
      case "?":
        if (dialog) { if (dialog.open) { dialog.close(); } else { dialog.showModal(); } }
        break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });
})();
