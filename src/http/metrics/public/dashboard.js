// The staff dashboard: reads /api/v1/staff/dashboard and draws it with Chart.js (served by the app).

(() => {
  const $ = (id) => document.getElementById(id);
  const charts = {};
  const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("vi-VN"));
  const minutes = (ms) => (ms === null ? "–" : `${Math.round(ms / 60000)} phút`);
  const KIND_COLORS = {
    answer: "#2e7d32",
    choices: "#1565c0",
    fallback: "#9e9e9e",
    escalate: "#ef6c00",
    emergency: "#c62828",
  };

  function isoDay(d) {
    return new Date(d.getTime() + 7 * 3600000).toISOString().slice(0, 10);
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart($(id), config);
  }

  function bar(id, items, label) {
    draw(id, {
      type: "bar",
      data: {
        labels: items.map((i) => i.label),
        datasets: [{ label, data: items.map((i) => i.count), backgroundColor: "#0b4f8a" }],
      },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, maintainAspectRatio: false },
    });
  }

  function render(data) {
    $("t-contacts").textContent = fmt(data.totals.contacts);
    $("t-calls").textContent = fmt(data.totals.calls);
    $("t-cases").textContent = fmt(data.totals.casesCreated);
    $("t-response").textContent =
      `${minutes(data.responseTimes.medianMs)} / ${minutes(data.responseTimes.p90Ms)}`;
    $("t-sla").textContent = fmt(data.totals.slaBreaches);
    const s = data.satisfaction;
    $("t-thumbs").textContent = `${fmt(s.thumbsUp)} / ${fmt(s.thumbsDown)}`;
    $("t-rating").textContent =
      s.ratingAverage === null ? "–" : `${s.ratingAverage.toFixed(1)} (${fmt(s.ratingCount)} lượt)`;

    const labels = data.days.map((d) => `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`);
    draw("c-days", {
      type: "bar",
      data: {
        labels,
        datasets: [
          ...data.kinds.map((k) => ({
            label: k.label,
            data: data.days.map((d) => d.kinds[k.key] || 0),
            backgroundColor: KIND_COLORS[k.key],
            stack: "chat",
          })),
          {
            label: "Cuộc gọi",
            data: data.days.map((d) => d.calls),
            backgroundColor: "#6a1b9a",
            stack: "chat",
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      },
    });
    draw("c-kinds", {
      type: "doughnut",
      data: {
        labels: data.kinds.map((k) => k.label),
        datasets: [
          {
            data: data.kinds.map((k) => k.count),
            backgroundColor: data.kinds.map((k) => KIND_COLORS[k.key]),
          },
        ],
      },
      options: { maintainAspectRatio: false },
    });
    bar("c-topics", data.topTopics, "Lượt");
    bar("c-groups", data.groups, "Lượt");

    const list = $("unanswered");
    list.replaceChildren(
      ...data.topUnanswered.map((u) => {
        const li = document.createElement("li");
        li.textContent = `${u.sample} (${fmt(u.count)})`;
        return li;
      }),
    );
    if (!data.topUnanswered.length)
      list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "Không có." }));
  }

  async function load() {
    const form = new FormData($("range"));
    const query = new URLSearchParams({ from: form.get("from"), to: form.get("to") });
    if (form.get("channel")) query.set("channel", form.get("channel"));
    $("status").textContent = "Đang tải…";
    try {
      const res = await fetch(`/api/v1/staff/dashboard?${query}`, { credentials: "same-origin" });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error?.message || "Không tải được số liệu.");
      render(body);
      $("status").textContent = "";
      document.body.dataset.ready = "true";
    } catch (err) {
      $("status").textContent = err.message;
    }
  }

  async function setupCallForm() {
    const res = await fetch("/api/v1/staff/calls/options", { credentials: "same-origin" });
    if (!res.ok) {
      $("call-section").hidden = true;
      return;
    }
    const options = await res.json();
    const fill = (name, items) =>
      document
        .querySelector(`#call [name=${name}]`)
        .replaceChildren(
          ...items.map((i) =>
            Object.assign(document.createElement("option"), { value: i.id, textContent: i.label }),
          ),
        );
    fill("topic", options.topics);
    fill("callerGroup", options.callerGroups);
    fill("outcome", options.outcomes);
    const now = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 16);
    document.querySelector("#call [name=time]").value = now;
    $("call").addEventListener("submit", async (event) => {
      event.preventDefault();
      const f = new FormData($("call"));
      const body = {
        time: `${f.get("time")}:00+07:00`,
        durationSeconds: Math.round(Number(f.get("minutes")) * 60),
        topic: f.get("topic"),
        callerGroup: f.get("callerGroup"),
        outcome: f.get("outcome"),
        ...(f.get("note") ? { note: f.get("note") } : {}),
      };
      // State changes carry the session's CSRF token, as everywhere in the staff console.
      const me = await fetch("/api/v1/staff/me", { credentials: "same-origin" }).then((x) => x.json());
      const r = await fetch("/api/v1/staff/calls", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken ?? "" },
        body: JSON.stringify(body),
      });
      const reply = await r.json().catch(() => ({}));
      $("call-status").textContent = r.ok
        ? "Dạ, đã lưu cuộc gọi."
        : reply.error?.message || "Chưa lưu được, bạn thử lại nhé.";
      if (r.ok) {
        $("call").reset();
        document.querySelector("#call [name=time]").value = now;
        setTimeout(load, 1500);
      }
    });
  }

  const today = new Date();
  $("range").elements.to.value = isoDay(today);
  $("range").elements.from.value = isoDay(new Date(today.getTime() - 29 * 86400000));
  $("range").addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  load();
  setupCallForm();
})();
