// Shared by the pages: the CSRF header on every change, status messages, unsaved-edit guard.
"use strict";

const zhen = (() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const statusLine = () => document.getElementById("status");

  function say(message, kind) {
    const line = statusLine();
    line.textContent = message;
    line.className = "notice " + (kind || "info");
  }

  async function post(url, body) {
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify(body),
      });
    } catch (failure) {
      return { status: 0, data: { error: "The server did not answer: is the command still running?" } };
    }
    let data = {};
    try {
      data = await response.json();
    } catch (notJson) {
      data = { error: (await response.text().catch(() => "")) || "Unexpected answer (" + response.status + ")" };
    }
    return { status: response.status, data };
  }

  async function getText(url) {
    const response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    return response.text();
  }

  // Unsaved edits: the page warns before it is left or another item is opened.
  let dirty = false;
  window.addEventListener("beforeunload", (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  function typing(target) {
    return target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }

  return {
    say,
    post,
    getText,
    typing,
    setDirty(value) { dirty = value; },
    isDirty() { return dirty; },
    leaveOk() { return !dirty || window.confirm("You have unsaved edits. Leave them?"); },
  };
})();
