// The web chat: plain browser JavaScript, no build step. Every server text is shown with
// textContent (never innerHTML), so nothing a citizen or the content types can run as HTML.

const API = "/api/v1/ask";
const INBOX_API = "/api/v1/inbox";
const HISTORY_API = "/api/v1/history";
const SESSION_KEY = "tlpl.sessionId";
/** The session id whose citizen was handed to staff in this tab: only then is the inbox polled. */
const ESCALATED_KEY = "tlpl.escalated";
/** A conversation with an officer is a chat: their messages show within a few seconds. */
const POLL_MS = 5_000;
const STAFF_LABEL = "Cán bộ trợ giúp pháp lý";
const MAX_CHARS = 2000;
const COUNTER_FROM = 1800;
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const log = /** @type {HTMLElement} */ (document.getElementById("log"));
const form = /** @type {HTMLFormElement} */ (document.getElementById("ask-form"));
const input = /** @type {HTMLTextAreaElement} */ (document.getElementById("question"));
const sendButton = /** @type {HTMLButtonElement} */ (document.getElementById("send"));
const status = /** @type {HTMLElement} */ (document.getElementById("status"));
const threadBar = /** @type {HTMLElement} */ (document.getElementById("thread-bar"));
const counter = /** @type {HTMLElement} */ (document.getElementById("counter"));

let pending = false;

/** A random id without dashes; crypto.randomUUID exists only on https and localhost. */
function newSessionId() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID().replaceAll("-", "");
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function readStored(key) {
  try {
    return localStorage.getItem(key) ?? sessionStorage.getItem(key) ?? undefined;
  } catch {
    // storage blocked (private mode): values live in memory only
    return undefined;
  }
}

/**
 * Kept past the tab: the conversation itself lives on the server and expires with the session
 * (SESSION_TTL_SECONDS), so a closed tab reopened later shows it again, and "xóa dữ liệu" clears it.
 */
function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked: the value lives until the page is closed
  }
}

function readSessionId() {
  const saved = readStored(SESSION_KEY);
  return saved && SESSION_ID.test(saved) ? saved : undefined;
}

function saveSessionId(id) {
  store(SESSION_KEY, id);
}

let sessionId = readSessionId() ?? newSessionId();
saveSessionId(sessionId);

/** Creates an element with a class and, optionally, plain text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The composer is sticky at the bottom: keep its height in --composer-h, which the page uses as
// scroll-padding so nothing scrolled into view ends up hidden behind it.
new ResizeObserver(() => {
  document.documentElement.style.setProperty("--composer-h", `${Math.ceil(form.offsetHeight)}px`);
}).observe(form);

const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function scrollToEnd(node) {
  node.scrollIntoView({ block: "end", behavior: smooth ? "smooth" : "auto" });
}

/** A long reply is read from its first line; a short one is brought fully into view. */
function scrollToReply(node) {
  const room = window.innerHeight - form.offsetHeight - 24;
  node.scrollIntoView({
    block: node.offsetHeight > room ? "start" : "end",
    behavior: smooth ? "smooth" : "auto",
  });
}

function addCitizenMessage(text) {
  const msg = el("div", "msg citizen");
  msg.append(el("span", "visually-hidden", "Bạn: "), el("p", "bubble", text));
  log.append(msg);
  scrollToEnd(msg);
  return msg;
}

/** A message that went to the legal-aid officer, not to the bot: said under the bubble. */
function markSentToOfficer(msg) {
  if (!msg) return;
  msg.classList.add("to-officer");
  msg.append(el("span", "sent-note", "Đã chuyển cho cán bộ"));
}

function addNotice(text) {
  const msg = el("div", "msg bot notice");
  msg.append(el("span", "visually-hidden", "Trợ lý: "), el("p", "bubble", text));
  log.append(msg);
  scrollToEnd(msg);
}

/** "khoản 1 Điều 56 — Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
function formatLegalRef(ref) {
  const where = [ref.clause, ref.article].filter(Boolean).join(" ");
  const number = ref.number && !ref.document.includes(ref.number) ? ` (${ref.number})` : "";
  return `${where ? `${where} — ` : ""}${ref.document}${number}`;
}

/** A message a legal-aid officer sent from the staff console, labelled as such. */
function addStaffMessage(text, buttons) {
  retireAnswerButtons();
  const msg = el("div", "msg bot staff");
  msg.append(el("span", "staff-label", STAFF_LABEL), el("p", "bubble", text));
  if (Array.isArray(buttons) && buttons.length) msg.append(renderButtons(buttons));
  log.append(msg);
  scrollToReply(msg);
}

function addBotReply(reply) {
  retireAnswerButtons();
  const kind = typeof reply.kind === "string" ? reply.kind : "fallback";
  const msg = el("div", `msg bot kind-${kind}`);
  msg.append(el("span", "visually-hidden", kind === "emergency" ? "Khẩn cấp: " : "Trợ lý: "));
  msg.append(el("p", "bubble", String(reply.text ?? "")));

  if (Array.isArray(reply.legalBasis) && reply.legalBasis.length) {
    const list = el("ul", "legal-basis");
    list.setAttribute("aria-label", "Căn cứ pháp lý");
    for (const ref of reply.legalBasis) {
      if (ref && typeof ref.document === "string") list.append(el("li", "", formatLegalRef(ref)));
    }
    msg.append(list);
  }

  const buttons = Array.isArray(reply.buttons) ? reply.buttons : [];
  if (buttons.length) msg.append(renderButtons(buttons));

  log.append(msg);
  scrollToReply(msg);
}

/** Buttons that answer the question they came with: once a newer message came, they are stale. */
const ANSWER_TYPES = new Set(["answer", "pick", "send-picks"]);

/** A question's answer buttons are pressed once: an older question's buttons would answer a later one. */
function retireAnswerButtons() {
  for (const node of log.querySelectorAll("[data-answer]")) {
    node.disabled = true;
    node.removeAttribute("data-answer");
  }
}

/**
 * The boxes of a multiple choice (the screening groups): ticked, then sent together with the
 * `send-picks` button; with none ticked that button sends its `empty` answer.
 */
function renderPicks(picks) {
  const group = el("fieldset", "picks");
  group.append(el("legend", "visually-hidden", "Chọn các nhóm phù hợp"));
  for (const button of picks) {
    const label = el("label", "pick");
    const box = el("input");
    box.type = "checkbox";
    box.value = String(button.action.value);
    box.setAttribute("data-answer", "");
    label.append(box, el("span", "", button.label));
    group.append(label);
  }
  return group;
}

/** What the `send-picks` button sends: the ticked values as one answer, their labels as the bubble. */
function ticked(box, action) {
  const boxes = [...box.querySelectorAll(".pick input:checked")];
  if (!boxes.length) return { label: undefined, action };
  return {
    label: boxes.map((b) => b.parentElement?.textContent ?? b.value).join("; "),
    action: { type: "answer", text: boxes.map((b) => b.value).join(" ") },
  };
}

/** Feedback buttons side by side, then the other buttons one per line (their labels are long). */
function renderButtons(buttons) {
  const box = el("div", "buttons");
  const feedbackRow = el("div", "feedback");
  const feedback = [];
  const valid = buttons.filter((b) => b && typeof b.label === "string" && b.action);
  const picks = valid.filter((b) => b.action.type === "pick");
  if (picks.length) box.append(renderPicks(picks));
  for (const button of valid) {
    const type = button.action.type;
    if (type === "pick") continue;
    const node = el(
      "button",
      type === "feedback" ? "feedback-button" : `choice action-${type}`,
      button.label,
    );
    node.type = "button";
    if (ANSWER_TYPES.has(type)) node.setAttribute("data-answer", "");
    node.addEventListener("click", () => {
      if (pending) return;
      if (type === "send-picks") {
        const sent = ticked(box, button.action);
        void ask(sent.label ?? button.label, sent.action);
        return;
      }
      if (type !== "feedback") {
        void ask(button.label, button.action);
        return;
      }
      // The pressed button is about to be disabled; keep the keyboard focus somewhere useful.
      input.focus({ preventScroll: true });
      for (const other of feedback) other.disabled = true;
      node.setAttribute("aria-pressed", "true");
      void ask(button.label, button.action).then((answered) => {
        if (answered) return;
        // Not recorded: let the citizen try again.
        for (const other of feedback) other.disabled = false;
        node.removeAttribute("aria-pressed");
      });
    });
    if (type === "feedback") {
      feedback.push(node);
      feedbackRow.append(node);
    } else {
      box.append(node);
    }
  }
  if (feedback.length) box.prepend(feedbackRow);
  return box;
}

function setPending(on) {
  pending = on;
  status.hidden = !on;
  log.setAttribute("aria-busy", on ? "true" : "false");
  // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
  sendButton.setAttribute("aria-disabled", on ? "true" : "false");
  if (on) scrollToEnd(status);
}

/** A polite Vietnamese sentence for a failed request. */
async function errorText(res) {
  if (res.status === 429) {
    const wait = Number.parseInt(res.headers.get("Retry-After") ?? "", 10);
    return wait > 0 && wait < 600
      ? `Dạ, bạn gửi nhanh quá. Bạn chờ khoảng ${wait} giây rồi gửi lại nhé.`
      : "Dạ, bạn gửi nhanh quá. Bạn chờ một chút rồi gửi lại nhé.";
  }
  let message = "";
  try {
    const body = await res.json();
    if (typeof body?.error?.message === "string") message = body.error.message;
  } catch {
    // not JSON: fall through to the generic sentence
  }
  if (res.status >= 500) {
    return message
      ? `Dạ, xin lỗi. ${message}`
      : "Dạ, hệ thống đang gặp trục trặc, bạn thử lại sau ít phút nhé.";
  }
  return message
    ? `Dạ, xin lỗi, mình chưa gửi được: ${message}`
    : "Dạ, xin lỗi, mình chưa gửi được câu này. Bạn thử lại nhé.";
}

/**
 * Sends one message. Resolves true when the server answered, so a typed text is cleared
 * only then — a citizen never loses what they typed.
 */
async function ask(text, action) {
  if (pending) return false;
  const mine = addCitizenMessage(text);
  setPending(true);
  try {
    const body = { text, sessionId, ...(action ? { action } : {}) };
    let res;
    try {
      res = await fetch(API, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      addNotice("Không kết nối được, bạn thử lại nhé.");
      return false;
    }
    if (!res.ok) {
      addNotice(await errorText(res));
      return false;
    }
    let reply;
    try {
      reply = await res.json();
    } catch {
      addNotice("Dạ, hệ thống trả lời không đúng dạng, bạn thử lại sau ít phút nhé.");
      return false;
    }
    if (typeof reply.sessionId === "string" && SESSION_ID.test(reply.sessionId)) {
      sessionId = reply.sessionId;
      saveSessionId(sessionId);
    }
    // In the case thread the bot stays out: the message went to the officer.
    if (reply.intent === "thread-message") markSentToOfficer(mine);
    else addBotReply(reply);
    if (reply.kind === "escalate") startInbox();
    if (reply.intent === "intake-done") keepConversation();
    // The case thread began, was left or resumed, or the case was rated: the bar follows at once.
    if (/^(?:intake-done|thread-|rating)/.test(String(reply.intent ?? ""))) void pollInbox();
    return true;
  } finally {
    setPending(false);
  }
}

function updateCounter() {
  const length = input.value.length;
  if (length >= COUNTER_FROM) {
    counter.hidden = false;
    counter.textContent =
      length >= MAX_CHARS
        ? `Đã đủ ${MAX_CHARS} ký tự, bạn viết ngắn lại nhé.`
        : `${length}/${MAX_CHARS} ký tự`;
  } else if (!counter.hidden) {
    counter.hidden = true;
    counter.textContent = "";
  }
}

async function submitTyped() {
  const text = input.value.trim();
  if (!text) {
    input.focus();
    return;
  }
  if (pending) return;
  const answered = await ask(text.slice(0, MAX_CHARS));
  // Clear only if the citizen has not started typing something else meanwhile.
  if (answered && input.value.trim() === text) {
    input.value = "";
    updateCounter();
  }
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void submitTyped();
});

input.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter is a new line; never send in the middle of an IME composition (Telex, VNI).
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    void submitTyped();
  }
});

input.addEventListener("input", updateCounter);

for (const button of document.querySelectorAll(".examples button[data-text]")) {
  button.addEventListener("click", () => {
    const text = button.getAttribute("data-text");
    if (text) void ask(text);
  });
}

// Staff replies to a web chat wait in the session's inbox. Polled every 5 s, and only once this
// session was handed to staff and while the tab is visible: everyone else costs the server nothing.
let escalated = readStored(ESCALATED_KEY) === sessionId;
/** The id of the last staff message shown (the server's history says which were shown before a reload). */
let inboxAfter = 0;
let pollTimer;
let polling = false;
const defaultPlaceholder = input.placeholder;

/** The bar over the chat while a case is open: its code, and leaving or resuming the talk with the officer. */
function showThread(thread) {
  threadBar.replaceChildren();
  if (!thread || typeof thread.caseId !== "string") {
    threadBar.hidden = true;
    input.placeholder = defaultPlaceholder;
    return;
  }
  const away = thread.away === true;
  threadBar.hidden = false;
  threadBar.classList.toggle("away", away);
  threadBar.append(
    el(
      "p",
      "",
      away
        ? `Hồ sơ ${thread.caseId} đang mở. Bạn đang hỏi trợ lý tự động.`
        : `Bạn đang nhắn với cán bộ · Hồ sơ ${thread.caseId}`,
    ),
  );
  const label = away ? "Nhắn tiếp cho cán bộ" : "Quay lại trợ lý";
  const button = el("button", "choice thread-switch", label);
  button.type = "button";
  button.addEventListener("click", () => {
    void ask(label, away ? { type: "escalate" } : { type: "leave-thread" });
  });
  threadBar.append(button);
  input.placeholder = away ? defaultPlaceholder : "Nhắn cho cán bộ…";
}

/** The conversation kept on the server, drawn again after a reload or when a closed tab is reopened. */
async function loadHistory() {
  try {
    const res = await fetch(`${HISTORY_API}?${new URLSearchParams({ sessionId })}`, {
      headers: { Accept: "application/json" },
    });
    if (!res.ok) return;
    const body = await res.json();
    const entries = Array.isArray(body?.messages) ? body.messages : [];
    for (const entry of entries) {
      if (!entry || typeof entry.text !== "string") continue;
      if (entry.role === "citizen") {
        const msg = addCitizenMessage(entry.text);
        if (entry.toOfficer === true) markSentToOfficer(msg);
      } else if (entry.role === "staff") {
        addStaffMessage(entry.text, entry.buttons);
        if (Number.isInteger(entry.inboxId)) inboxAfter = Math.max(inboxAfter, entry.inboxId);
      } else if (entry.text) {
        addBotReply(entry);
      }
    }
    if (body?.thread || entries.some((e) => e?.role === "staff")) startInbox();
    showThread(body?.thread);
  } catch {
    // offline: the page starts empty and works as before
  }
}

async function pollInbox() {
  if (polling || !escalated || document.visibilityState !== "visible") return;
  polling = true;
  try {
    const query = new URLSearchParams({ sessionId, after: String(inboxAfter) });
    const res = await fetch(`${INBOX_API}?${query}`, { headers: { Accept: "application/json" } });
    if (!res.ok) return;
    const body = await res.json();
    for (const message of Array.isArray(body?.messages) ? body.messages : []) {
      if (!Number.isInteger(message?.id) || message.id <= inboxAfter || typeof message.text !== "string")
        continue;
      addStaffMessage(message.text, message.buttons);
      inboxAfter = message.id;
    }
    showThread(body?.thread);
  } catch {
    // offline or a bad answer: try again at the next tick
  } finally {
    polling = false;
  }
}

function schedulePoll() {
  clearTimeout(pollTimer);
  pollTimer = undefined;
  if (!escalated || document.visibilityState !== "visible") return;
  pollTimer = setTimeout(() => void pollInbox().then(schedulePoll), POLL_MS);
}

/** Once a case is sent, the conversation outlives the tab: staff replies come to this browser later. */
function keepConversation() {
  try {
    localStorage.setItem(SESSION_KEY, sessionId);
    localStorage.setItem(ESCALATED_KEY, sessionId);
  } catch {
    // storage blocked: replies show while this tab stays open
  }
}

function startInbox() {
  if (escalated) return;
  escalated = true;
  store(ESCALATED_KEY, sessionId);
  schedulePoll();
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && escalated) void pollInbox().then(schedulePoll);
  else schedulePoll();
});

void loadHistory().then(() => {
  if (escalated) void pollInbox().then(schedulePoll);
});
