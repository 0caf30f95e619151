// The staff console's only script: live refresh of the parts of a page marked data-live when a case
// changes (server-sent events from /staff/live), and helpers of the reply box. Pages work without it.
// Every text comes from the server's escaped HTML or goes into a textarea's value: nothing is run as HTML.

const body = document.body;
const liveUrl = body.dataset.live;
const caseId = body.dataset.case;
const status = document.querySelector(".live-state");

/** The newest message is the one to read: the thread box scrolls to its end. */
function scrollThread() {
  const thread = document.querySelector("#thread .thread");
  if (thread) thread.scrollTop = thread.scrollHeight;
}

/**
 * A part staff are working in (focus inside, or a field changed and not yet sent) is left as it is:
 * replacing it would drop a chosen outcome or swap a button out from under a click.
 */
function inUse(part) {
  if (part.contains(document.activeElement)) return true;
  for (const field of part.querySelectorAll("select, input, textarea")) {
    if (field instanceof HTMLSelectElement) {
      if ([...field.options].some((o) => o.selected !== o.defaultSelected)) return true;
    } else if (field.type !== "hidden" && field.value !== field.defaultValue) return true;
  }
  return false;
}

let refreshing = false;
let again = false;

/** Fetches this page again and swaps in its data-live parts; what staff are typing stays as it is. */
async function refresh() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const res = await fetch(location.pathname + location.search, {
      headers: { Accept: "text/html" },
      credentials: "same-origin",
    });
    if (!res.ok) return;
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    for (const part of fresh.querySelectorAll("[data-live][id]")) {
      const current = document.getElementById(part.id);
      if (current && !inUse(current)) current.replaceWith(document.importNode(part, true));
    }
    scrollThread();
    if (status) status.textContent = "· vừa cập nhật";
  } catch {
    // offline for a moment: the next event refreshes again
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

if (liveUrl && "EventSource" in window) {
  const source = new EventSource(liveUrl);
  let timer;
  source.addEventListener("case", (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (caseId && data?.caseId !== caseId) return;
    // A burst of changes (a message and its read mark) is one refresh.
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 120);
  });
  source.addEventListener("open", () => {
    if (status) status.textContent = "· cập nhật trực tiếp";
  });
  source.addEventListener("error", () => {
    if (status) status.textContent = "· đang kết nối lại…";
  });
}

/** Puts a text into the reply box at the cursor, on its own paragraph, and focuses it. */
function insertInto(targetId, text) {
  const box = document.getElementById(targetId);
  if (!(box instanceof HTMLTextAreaElement) || !text) return;
  const before = box.value.slice(0, box.selectionStart ?? box.value.length).replace(/\s+$/, "");
  const after = box.value.slice(box.selectionEnd ?? box.value.length).replace(/^\s+/, "");
  box.value = [before, text, after].filter(Boolean).join("\n\n");
  box.focus();
}

for (const select of document.querySelectorAll("select[data-insert-select]")) {
  select.addEventListener("change", () => {
    insertInto(select.dataset.insertSelect, select.value);
    select.value = "";
  });
}

/** "Chèn câu trả lời": the published FAQ's answer and its basis, to edit before sending. */
for (const button of document.querySelectorAll("button[data-insert-faq]")) {
  button.addEventListener("click", async () => {
    const id = button.dataset.insertFaq ?? "";
    try {
      const res = await fetch(`/api/v1/faqs/${encodeURIComponent(id)}`, {
        headers: { Accept: "application/json" },
      });
      if (!res.ok) return;
      const faq = await res.json();
      const basis = Array.isArray(faq.legalBasis)
        ? faq.legalBasis
            .map((ref) => [ref.clause, ref.article, ref.document].filter(Boolean).join(" "))
            .join("; ")
        : "";
      const answer = String(faq.answer ?? "").replace(/\*\*|__|^#+\s*/gm, "");
      insertInto(button.dataset.target ?? "reply", `${answer}${basis ? `\n\nCăn cứ: ${basis}` : ""}`);
    } catch {
      // the FAQ could not be read: nothing is inserted
    }
  });
}

scrollThread();
