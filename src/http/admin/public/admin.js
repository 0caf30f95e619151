// Admin console: add/remove rows of variants and legal basis, and the live chat preview.
// Served from 'self' (the CSP forbids inline scripts); the forms work without it.
(() => {
  const form = document.getElementById("faq-form");
  if (!form) return;
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? "";
  const preview = document.getElementById("chat-preview");

  function renumber(list) {
    list.querySelectorAll("li.row").forEach((row, i) => {
      for (const el of row.querySelectorAll("[aria-label]")) {
        el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(i + 1)));
      }
    });
  }

  form.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.classList.contains("remove-row")) {
      const row = target.closest("li.row");
      const list = row?.parentElement;
      if (!row || !list) return;
      if (list.querySelectorAll("li.row").length > 1) row.remove();
      else for (const input of row.querySelectorAll("input")) input.value = "";
      renumber(list);
      schedule();
    } else if (target.classList.contains("add-row")) {
      const list = target.closest("fieldset")?.querySelector(".row-list");
      const last = list?.querySelector("li.row:last-child");
      if (!list || !last) return;
      const copy = last.cloneNode(true);
      for (const input of copy.querySelectorAll("input")) {
        input.value = "";
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
      for (const p of copy.querySelectorAll(".field-error")) p.remove();
      list.appendChild(copy);
      renumber(list);
      copy.querySelector("input")?.focus();
    }
  });

  function values(name) {
    return [...form.querySelectorAll(`[name="${name}"]`)].map((el) => el.value);
  }

  let timer;
  let sent = 0;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  async function refresh() {
    if (!preview) return;
    const numbers = values("basisNumber");
    const articles = values("basisArticle");
    const clauses = values("basisClause");
    const legalBasis = values("basisDocument")
      .map((document, i) => ({
        document,
        number: numbers[i] || undefined,
        article: articles[i] || undefined,
        clause: clauses[i] || undefined,
      }))
      .filter((b) => b.document.trim());
    const body = {
      question: form.querySelector('[name="question"]')?.value ?? "",
      answer: form.querySelector('[name="answer"]')?.value ?? "",
      legalBasis,
    };
    const mine = ++sent;
    try {
      const res = await fetch("/api/v1/admin/preview", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      if (!res.ok || mine !== sent) return;
      preview.textContent = (await res.json()).text;
    } catch {
      // Offline or logged out: the last preview stays; saving still works.
    }
  }

  form.addEventListener("input", schedule);
})();
