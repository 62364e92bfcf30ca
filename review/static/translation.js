// The translation page: save a segment (QA back at once), use a memory candidate, propose a term
// from a selection, publish again. Unsaved edits are guarded by common.js.
"use strict";

(() => {
  const section = document.querySelector("section.document");
  if (!section) return;
  const number = section.dataset.number;
  const body = document.getElementById("segments");
  const edited = new Set(); // ids of segments with unsaved edits

  // The glossary renderings found in the English, marked on a backdrop behind the (transparent) text box:
  // the text stays editable, and the marks follow it as it is typed.
  function paint(wrapper) {
    const area = wrapper.querySelector("textarea");
    const backdrop = wrapper.querySelector(".backdrop");
    const text = area.value;
    const lower = text.toLowerCase();
    const ranges = [];
    JSON.parse(wrapper.dataset.terms || "[]").forEach((term) => {
      const wanted = term.toLowerCase();
      for (let at = lower.indexOf(wanted); wanted && at !== -1; at = lower.indexOf(wanted, at + wanted.length)) {
        if (!ranges.some(([start, end]) => at < end && start < at + wanted.length)) ranges.push([at, at + wanted.length]);
      }
    });
    ranges.sort((a, b) => a[0] - b[0]);
    backdrop.textContent = "";
    let position = 0;
    ranges.forEach(([start, end]) => {
      backdrop.append(document.createTextNode(text.slice(position, start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      backdrop.append(mark);
      position = end;
    });
    backdrop.append(document.createTextNode(text.slice(position) + "\n"));
    backdrop.scrollTop = area.scrollTop;
  }
  const paintAll = (root) => root.querySelectorAll(".english").forEach(paint);
  paintAll(body);

  function markDirty(id, dirty) {
    if (dirty) edited.add(id); else edited.delete(id);
    zhen.setDirty(edited.size > 0);
    const row = document.getElementById("seg-" + id);
    if (row) row.classList.toggle("edited", dirty);
  }

  async function save(row, state) {
    const id = row.dataset.id;
    const target = row.querySelector("textarea").value;
    const chosen = state || row.querySelector("select").value;
    const result = await zhen.post("/api/translation/" + number + "/segment", {
      id, version: row.dataset.version, target, state: chosen,
    });
    if (result.status === 200) {
      row.outerHTML = result.data.row;
      document.getElementById("chart").innerHTML = result.data.chart;
      markDirty(id, false);
      const issues = result.data.issues;
      const found = issues ? ": " + issues + " QA finding" + (issues > 1 ? "s" : "") : ": QA clean";
      if (result.data.memory_problem) {
        zhen.say("Saved " + id + " in the file, but not in the memory: " + result.data.memory_problem, "error");
      } else {
        zhen.say("Saved " + id + " (" + chosen + ")" + found, issues ? "info" : "ok");
      }
      const fresh = document.getElementById("seg-" + id);
      if (fresh) {
        paintAll(fresh);
        fresh.querySelector("textarea").focus();
      }
      return;
    }
    zhen.say(result.data.error || "Not saved.", "error");
    if (result.status === 409 && result.data.row) {
      row.outerHTML = result.data.row;
      markDirty(id, false);
      const fresh = document.getElementById("seg-" + id);
      paintAll(fresh);
      const note = document.createElement("p");
      note.className = "attempted";
      note.setAttribute("role", "alert");
      note.textContent = "Your edit, not saved: " + target;
      fresh.querySelector("td.target").prepend(note);
    }
  }

  body.addEventListener("input", (event) => {
    const row = event.target.closest("tr.segment");
    if (row && event.target.tagName === "TEXTAREA") {
      markDirty(row.dataset.id, true);
      paint(event.target.closest(".english"));
    }
  });
  body.addEventListener("scroll", (event) => {
    const wrapper = event.target.closest && event.target.closest(".english");
    if (wrapper) wrapper.querySelector(".backdrop").scrollTop = event.target.scrollTop;
  }, true);

  body.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const row = button.closest("tr.segment");
    if (button.hasAttribute("data-save")) save(row);
    if (button.dataset.use !== undefined) {
      const area = row.querySelector("textarea");
      area.value = button.dataset.use;
      markDirty(row.dataset.id, true);
      paint(area.closest(".english"));
      area.focus();
    }
  });

  document.addEventListener("keydown", (event) => {
    const row = event.target.closest && event.target.closest("tr.segment");
    if (!row) return;
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      event.preventDefault();
      save(row);
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      save(row, "final");
    }
  });

  // A term proposed from a selection in the Chinese column.
  const proposeZh = document.getElementById("propose-zh");
  document.addEventListener("selectionchange", () => {
    const selection = document.getSelection();
    const text = selection ? selection.toString().trim() : "";
    const node = selection && selection.anchorNode;
    const cell = node && (node.nodeType === 1 ? node : node.parentElement).closest("td.source");
    if (text && cell && text.length <= 30) proposeZh.value = text;
  });
  document.getElementById("propose").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const zh = form.zh.value.trim();
    if (!zh) { zhen.say("Select a term in the Chinese first.", "error"); return; }
    const result = await zhen.post("/api/glossary/propose", { zh, en: form.en.value.trim() });
    if (result.status === 200) {
      zhen.say(result.data.message, "ok");
      form.reset();
    } else {
      zhen.say(result.data.error || "Not proposed.", "error");
    }
  });

  document.getElementById("publish").addEventListener("click", async (event) => {
    if (edited.size && !window.confirm("Some edits are not saved; publish what is saved?")) return;
    const button = event.target;
    button.disabled = true;
    zhen.say("Publishing…", "info");
    const result = await zhen.post("/api/translation/" + number + "/publish", {});
    button.disabled = false;
    if (result.status === 200) {
      document.getElementById("published").innerHTML = result.data.links;
      zhen.say("Published.", "ok");
    } else {
      zhen.say(result.data.error || "Not published.", "error");
    }
  });
})();
