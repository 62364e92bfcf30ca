// The glossary page: live search, an entry's panel, inline edit, approve/reject, keyboard queue.
"use strict";

(() => {
  const table = document.getElementById("table");
  const panel = document.getElementById("panel");
  const filters = document.getElementById("filters");
  let current = null; // the selected row's headword

  const rows = () => Array.from(document.querySelectorAll("#rows tr"));
  const rowOf = (zh) => rows().find((row) => row.dataset.zh === zh);

  function filterQuery(page) {
    const params = new URLSearchParams(new FormData(filters));
    if (page) params.set("page", page);
    return params;
  }

  let searchTimer = null;
  async function refreshTable() {
    const params = filterQuery();
    table.setAttribute("aria-busy", "true");
    try {
      table.innerHTML = await zhen.getText("/glossary/rows?" + params);
    } finally {
      table.removeAttribute("aria-busy");
    }
    history.replaceState(null, "", "/glossary?" + params);
    if (current) mark(current);
  }
  filters.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => refreshTable().catch((e) => zhen.say(e.message, "error")), 150);
  });
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    refreshTable().catch((e) => zhen.say(e.message, "error"));
  });

  function mark(zh) {
    rows().forEach((row) => row.setAttribute("aria-selected", row.dataset.zh === zh ? "true" : "false"));
  }

  async function open(zh, focusPanel) {
    if (zh !== current && !zhen.leaveOk()) return;
    zhen.setDirty(false);
    panel.innerHTML = await zhen.getText("/glossary/entry?" + new URLSearchParams({ zh }));
    current = zh;
    mark(zh);
    const row = rowOf(zh);
    if (row) row.querySelector("a.open").focus({ preventScroll: false });
    if (focusPanel) panel.focus();
    const params = filterQuery();
    params.set("zh", zh);
    history.replaceState(null, "", "/glossary?" + params);
  }

  table.addEventListener("click", (event) => {
    const link = event.target.closest("a.open");
    if (link) {
      event.preventDefault();
      open(link.closest("tr").dataset.zh).catch((e) => zhen.say(e.message, "error"));
    }
  });

  function article() { return panel.querySelector("article.entry"); }

  // The fields the reviewer changed since the entry was opened (each control still knows the value it was
  // drawn with): what is saved, and what a refused save shows back as theirs.
  function formFields(form) {
    const fields = {};
    for (const control of form.elements) {
      if (!control.name) continue;
      const changed = control.tagName === "SELECT"
        ? Array.from(control.options).some((option) => option.selected !== option.defaultSelected)
        : control.value !== control.defaultValue;
      if (changed) fields[control.name] = String(control.value);
    }
    return fields;
  }

  function applySaved(data, message) {
    const row = rowOf(data.entry.zh);
    if (row) row.outerHTML = data.row;
    panel.innerHTML = data.panel;
    zhen.setDirty(false);
    mark(data.entry.zh);
    zhen.say(message, "ok");
  }

  function refused(result, attempted) {
    zhen.say(result.data.error || "Not saved.", "error");
    if (result.status === 409 && result.data.panel) {
      panel.innerHTML = result.data.panel;
      zhen.setDirty(false);
      if (attempted) {
        const note = document.createElement("div");
        note.className = "attempted";
        note.setAttribute("role", "alert");
        const heading = document.createElement("p");
        heading.textContent = "Your edit, not saved:";
        const list = document.createElement("ul");
        Object.entries(attempted).forEach(([name, value]) => {
          const item = document.createElement("li");
          item.textContent = name + ": " + value;
          list.appendChild(item);
        });
        note.append(heading, list);
        article().prepend(note);
      }
      if (result.data.entry) {
        const row = rowOf(result.data.entry.zh);
        if (row) row.querySelector("td[lang=en]").textContent = result.data.entry.en;
      }
    }
  }

  async function save(fields, message) {
    const entry = article();
    if (!entry) return false;
    const result = await zhen.post("/api/glossary/save", { zh: entry.dataset.zh, version: entry.dataset.version, fields });
    if (result.status === 200) {
      applySaved(result.data, message);
      return true;
    }
    refused(result, fields);
    return false;
  }

  async function decide(status) {
    const entry = article();
    if (!entry) return;
    const zh = entry.dataset.zh;
    const fields = zhen.isDirty() ? { ...formFields(panel.querySelector("form.entry-form")), status } : { status };
    if (await save(fields, zh + ": " + status)) nextRow(zh);
  }

  function nextRow(zh) {
    const list = rows();
    const index = list.findIndex((row) => row.dataset.zh === zh);
    const next = list[index + 1];
    if (next) open(next.dataset.zh).catch((e) => zhen.say(e.message, "error"));
  }

  panel.addEventListener("input", () => zhen.setDirty(true));
  panel.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target.closest("form.entry-form");
    if (!form) return;
    const fields = formFields(form);
    if (Object.keys(fields).length === 0) zhen.say("Nothing changed: no field differs from the entry.", "info");
    else save(fields, "Saved " + article().dataset.zh);
  });
  panel.addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.action) decide(button.dataset.action);
    if (button.dataset.admit !== undefined) await fromEvidence("admit", button.dataset.admit, "Admitted", "admitted");
    if (button.dataset.prefer !== undefined) await fromEvidence("prefer", button.dataset.prefer, "Preferred", "en");
    if (button.dataset.proposeField) propose(button.dataset.proposeField, button.dataset.propose);
  });

  // A sense or an era the evidence proposes: added to its field for the reviewer to look at and save.
  function propose(field, items) {
    const input = panel.querySelector("form.entry-form [name='" + field + "']");
    if (!input) return;
    const have = input.value.split("|").map((item) => item.trim()).filter(Boolean);
    const added = items.split("|").filter((item) => !have.includes(item));
    input.value = [...have, ...added].join("|");
    let moved = "";
    if (field === "eras") {
      // a rendering of some years only is no longer one accepted in every year: out of the admitted ones
      const dated = added.map((era) => era.slice(0, era.lastIndexOf("@")).trim().toLowerCase());
      const admitted = panel.querySelector("form.entry-form [name='admitted']");
      const kept = admitted.value.split("|").map((item) => item.trim()).filter(Boolean);
      const left = kept.filter((item) => !dated.includes(item.toLowerCase()));
      if (left.length < kept.length) {
        admitted.value = left.join("|");
        moved = " (and taken out of the admitted renderings)";
      }
    }
    zhen.setDirty(true);
    input.focus();
    zhen.say(added.length ? "Added to " + field + moved + ": save to keep it." : "The field has it already.", "info");
  }

  // A change the evidence panel offers (admit a rendering, make one preferred), saved at once.
  async function fromEvidence(change, rendering, done, field) {
    const entry = article();
    const result = await zhen.post("/api/glossary/" + change, { zh: entry.dataset.zh, version: entry.dataset.version, rendering });
    if (result.status === 200) applySaved(result.data, done + " “" + rendering + "”");
    else refused(result, { [field]: rendering });
  }

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      const form = panel.querySelector("form.entry-form");
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || zhen.typing(event.target)) return;
    const list = rows();
    const index = list.findIndex((row) => row.dataset.zh === current);
    if (event.key === "j" || event.key === "ArrowDown") {
      const next = list[Math.min(index + 1, list.length - 1)];
      if (next) { event.preventDefault(); open(next.dataset.zh); }
    } else if (event.key === "k" || event.key === "ArrowUp") {
      const previous = list[Math.max(index - 1, 0)];
      if (previous) { event.preventDefault(); open(previous.dataset.zh); }
    } else if (event.key === "a") {
      event.preventDefault(); decide("approved");
    } else if (event.key === "r") {
      event.preventDefault(); decide("rejected");
    } else if (event.key === "e") {
      const field = document.getElementById("f-en");
      if (field) { event.preventDefault(); field.focus(); }
    } else if (event.key === "/") {
      event.preventDefault(); document.getElementById("q").focus();
    }
  });

  const selected = article();
  if (selected) { current = selected.dataset.zh; mark(current); }
})();
