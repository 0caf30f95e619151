import { describe, expect, it } from "vitest";
import { memorySessionStore } from "../memory-session-store.js";
import type { CaseStatusView, IntakeCase } from "../ports.js";
import { DESCRIPTION, flush, PATH, setupIntake, walk } from "./test-intake.js";

describe("the intake conversation", () => {
  it("walks a web citizen through the intake and gives the case code only once the desk stored it", async () => {
    const { say, sessions, opened, calls, state, events } = setupIntake();
    expect((await say("ly hôn đơn phương")).faqId).toBe("a");
    const replies = [];
    for (const answer of PATH) replies.push(await say(answer));
    expect(replies.map((r) => r.intent)).toEqual([
      "intake-consent",
      "intake-description",
      "intake-topic",
      "intake-contact",
      "intake-phone",
      "intake-commune",
      "intake-eligibility",
      "intake-confirm",
    ]);
    expect(replies.every((r) => r.kind === "escalate")).toBe(true);
    expect(replies[0]?.text).toContain("Trung tâm TGPL (ví dụ)");
    expect(replies[0]?.text).toContain("trong thời gian cần để giải quyết");
    expect(replies[2]?.text).toContain("«Hôn nhân, ly hôn, nuôi con»");
    expect(replies[7]?.text).toContain("gọi điện thoại số 0387654321");
    expect(replies[7]?.text).toContain("xã Ví Dụ");
    expect(replies[7]?.text).toContain("Dạ, bạn có thể thuộc diện được trợ giúp.");

    let release = () => {};
    state.hold = new Promise((r) => {
      release = r;
    });
    let settled = false;
    const pending = say("gửi").then((reply) => {
      settled = true;
      return reply;
    });
    await flush();
    expect(calls).toEqual(["open"]);
    expect(settled).toBe(false);
    release();
    const done = await pending;
    expect(done.kind).toBe("escalate");
    expect(done.intent).toBe("intake-done");
    expect(done.text).toContain("TGPL-2026-000123");
    expect(done.text).toContain("trước 10:30 ngày 27/11/2026");
    expect(done.text).toContain("tình trạng hồ sơ");

    expect(opened).toHaveLength(1);
    const input = opened[0] as IntakeCase;
    expect(input).toMatchObject({
      channel: "web",
      sessionId: "s1",
      reason: "ask-person",
      description: DESCRIPTION,
      topic: "hon-nhan-gia-dinh",
      contactPreference: "phone",
      phone: "0387654321",
      commune: "xã Ví Dụ",
      shownFaqIds: ["a"],
    });
    expect(input.eligibility).toMatchObject({
      hoNgheo: true,
      nanNhanBaoLucGiaDinh: true,
      nguoiCoCong: false,
    });
    expect(input.eligibility).not.toHaveProperty("khoKhanTaiChinh");
    // Staff see the conversation from the intake on: the question asked the bot before is not shared.
    expect(input.transcript.map((t) => t.text)).not.toContain("ly hôn đơn phương");
    expect(input.transcript[0]?.text).toBe("tôi muốn gặp cán bộ");
    expect(JSON.stringify(input.transcript)).not.toMatch(/0387[ .]?654[ .]?321/);
    expect(JSON.stringify(input.transcript)).toContain("[số điện thoại]");

    const after = await sessions.get("s1");
    expect(after?.intake).toBeUndefined();
    expect(JSON.stringify(after?.turns)).not.toMatch(/0387[ .]?654[ .]?321/);

    await flush();
    const intakeEvents = events.filter((e) => e.intent?.startsWith("intake-"));
    expect(intakeEvents.map((e) => e.kind)).toEqual(Array(9).fill("escalate"));
    expect(intakeEvents.at(-1)).toMatchObject({ intent: "intake-done", topic: "hon-nhan-gia-dinh" });
    const logged = JSON.stringify(events);
    for (const secret of ["0387", "Ví Dụ", "giữ con"]) expect(logged).not.toContain(secret);
  });

  it("suggests the topic of the best hit for the description when no FAQ was shown", async () => {
    const { say, opened } = setupIntake();
    await walk(say, ["cho tôi gặp cán bộ", "có"]);
    const topic = await say("tranh chấp ranh giới đất với nhà bên cạnh đã lâu");
    expect(topic.text).toContain("«Đất đai, sổ đỏ»");
    await walk(say, ["ok", "1", "phường Ví Dụ", "0", "gửi"]);
    expect(opened[0]).toMatchObject({ topic: "dat-dai", contactPreference: "chat", shownFaqIds: [] });
    expect(opened[0]?.phone).toBeUndefined();
  });

  it("gives the center's phone and hours from config and stores nothing when consent is refused", async () => {
    const { say, sessions, calls } = setupIntake();
    await say("tôi muốn gặp cán bộ");
    const reply = await say("không");
    expect(reply.kind).toBe("escalate");
    expect(reply.intent).toBe("intake-declined");
    expect(reply.text).toContain("SĐT-TRUNG-TÂM-VÍ-DỤ");
    expect(reply.text).toContain("GIỜ-LÀM-VIỆC-VÍ-DỤ");
    expect(calls).toEqual([]);
    const session = await sessions.get("s1");
    expect(session?.intake).toBeUndefined();
    expect(JSON.stringify(session?.turns)).not.toContain("gặp cán bộ");
  });

  it("leaves the intake when the consent answer is neither yes nor no, and handles the message as usual", async () => {
    const { say, sessions } = setupIntake();
    await say("tôi muốn gặp cán bộ");
    const reply = await say("ly hôn đơn phương");
    expect(reply.kind).toBe("answer");
    expect(reply.faqId).toBe("a");
    expect((await sessions.get("s1"))?.intake).toBeUndefined();
  });

  const steps = ["consent", "description", "topic", "contact", "phone", "commune", "eligibility", "confirm"];
  it.each(steps.map((step, i) => [step, i]))(
    "cancels at the %s step with 'hủy', storing nothing",
    async (step, i) => {
      const { say, sessions, calls } = setupIntake();
      await walk(say, PATH.slice(0, Number(i) + 1));
      expect((await sessions.get("s1"))?.intake?.step).toBe(step);
      const reply = await say(["hủy", "huy", "thôi", "dừng", "cancel", "Hủy"][Number(i) % 6] as string);
      expect(reply.kind).toBe("escalate");
      expect(reply.intent).toBe("intake-cancelled");
      expect(reply.text).toContain('gõ "gặp cán bộ"');
      expect(calls).toEqual([]);
      const session = await sessions.get("s1");
      expect(session?.intake).toBeUndefined();
      expect(JSON.stringify(session?.turns)).not.toContain("0387");
    },
  );

  it("asks again with an example when the phone number is wrong, and keeps the wrong number out of the transcript", async () => {
    const { say, sessions, opened } = setupIntake();
    await walk(say, PATH.slice(0, 5));
    const again = await say("12345 67");
    expect(again.intent).toBe("intake-phone");
    expect(again.text).toContain("ví dụ: 0912 345 678");
    expect(JSON.stringify((await sessions.get("s1"))?.turns)).not.toContain("12345 67");
    expect((await say("+84 912 345 678")).intent).toBe("intake-commune");
    await walk(say, ["xã Ví Dụ", "bỏ qua", "gửi"]);
    expect(opened[0]?.phone).toBe("0912345678");
  });

  it("takes a phone number typed at the contact question and skips the phone question", async () => {
    const { say, opened } = setupIntake();
    await walk(say, PATH.slice(0, 4));
    expect((await say("gọi số 0387 123 456 giúp tôi")).intent).toBe("intake-commune");
    await walk(say, ["xã Ví Dụ", "bo qua", "gửi"]);
    expect(opened[0]).toMatchObject({ contactPreference: "phone", phone: "0387123456" });
  });

  it("re-asks politely on bad answers at each step", async () => {
    const { say } = setupIntake();
    await walk(say, PATH.slice(0, 2));
    expect((await say("ly hôn")).intent).toBe("intake-description");
    await say(DESCRIPTION);
    expect((await say("9")).intent).toBe("intake-topic");
    await say("dung");
    expect((await say("3")).intent).toBe("intake-contact");
    await say("1");
    expect((await say("x")).intent).toBe("intake-commune");
    await say("xã Ví Dụ");
    const groups = await say("hộ nghèo");
    expect(groups.intent).toBe("intake-eligibility");
    expect(groups.text).toContain("gõ 0 nếu không thuộc nhóm nào");
    await say("0");
    const confirm = await say("chắc vậy");
    expect(confirm.intent).toBe("intake-confirm");
    expect(confirm.text).toContain('"gửi"');
  });

  it.each([
    ["2, 5", { hoNgheo: true, biBuocToi16Den18: true, treEm: false }],
    ["2 và 5", { hoNgheo: true, biBuocToi16Den18: true, nhiemHiv: false }],
    ["0", { hoNgheo: false, nguoiCoCong: false, nhiemHiv: false }],
  ])("keeps the screening answers of %j: chosen true, the others false", async (answer, expected) => {
    const { say, opened } = setupIntake();
    await walk(say, [...PATH.slice(0, 7), answer, "gửi"]);
    expect(opened[0]?.eligibility).toMatchObject(expected);
    expect(Object.keys(opened[0]?.eligibility ?? {})).toHaveLength(14);
  });

  it.each(["bỏ qua", "bo qua"])("keeps no screening answer when the citizen types %j", async (answer) => {
    const { say, opened, screened } = setupIntake();
    await walk(say, [...PATH.slice(0, 7), answer]);
    expect(screened.at(-1)).toEqual({});
    await say("gửi");
    expect(opened[0]?.eligibility).toEqual({});
  });

  it("asks about financial difficulty only when every chosen group needs it", async () => {
    const needs = setupIntake();
    await walk(needs.say, PATH.slice(0, 7));
    const financial = await needs.say("10");
    expect(financial.intent).toBe("intake-eligibility");
    expect(financial.text).toContain("khó khăn về tiền bạc");
    expect((await needs.say("có")).intent).toBe("intake-confirm");
    await needs.say("gửi");
    expect(needs.opened[0]?.eligibility).toMatchObject({ nguoiKhuyetTat: true, khoKhanTaiChinh: true });

    const skipped = setupIntake();
    await walk(skipped.say, [...PATH.slice(0, 7), "10", "bỏ qua", "gửi"]);
    expect(skipped.opened[0]?.eligibility).not.toHaveProperty("khoKhanTaiChinh");

    const notNeeded = setupIntake();
    await walk(notNeeded.say, PATH.slice(0, 7));
    expect((await notNeeded.say("2 10")).intent).toBe("intake-confirm");
  });

  it("says plainly the case was NOT saved when the desk fails, and 'gửi' retries", async () => {
    const { say, sessions, state, opened } = setupIntake();
    await walk(say, PATH);
    state.failOpen = 1;
    const failed = await say("gửi");
    expect(failed.kind).toBe("escalate");
    expect(failed.text).toContain("CHƯA lưu được");
    expect(failed.text).toContain("SĐT-TRUNG-TÂM-VÍ-DỤ");
    expect(failed.text).not.toContain("TGPL-");
    expect((await sessions.get("s1"))?.intake?.step).toBe("confirm");
    const retried = await say("gửi");
    expect(retried.intent).toBe("intake-done");
    expect(retried.text).toContain("TGPL-2026-000123");
    expect(opened).toHaveLength(1);
  });

  it("answers danger mid-intake with the emergency numbers, keeps the intake, and 'tiếp tục' goes on", async () => {
    const { say, sessions } = setupIntake();
    await walk(say, PATH.slice(0, 4));
    const emergency = await say("chồng tôi đang cầm dao đòi giết tôi");
    expect(emergency.kind).toBe("emergency");
    expect(emergency.text).toContain("113");
    expect(emergency.text).toContain('"tiếp tục"');
    expect((await sessions.get("s1"))?.intake).toMatchObject({ step: "contact", paused: true });
    const again = await say("tiếp tục");
    expect(again.intent).toBe("intake-contact");
    expect((await say("1")).intent).toBe("intake-commune");
  });

  it("resumes where it stopped after a break, even in a new engine over the same session store", async () => {
    const sessions = memorySessionStore();
    const first = setupIntake({ sessions });
    await walk(first.say, PATH.slice(0, 4));
    const later = setupIntake({ sessions });
    const resumed = await later.say("tiếp tục");
    expect(resumed.intent).toBe("intake-contact");
    await walk(later.say, ["1", "xã Ví Dụ", "0", "gửi"]);
    expect(later.opened[0]).toMatchObject({ description: DESCRIPTION, contactPreference: "chat" });
  });

  it("takes a long description that mentions deleting data or a case code as the description", async () => {
    const { say, calls, sessions } = setupIntake();
    await walk(say, PATH.slice(0, 2));
    const reply = await say(
      "Công ty xóa thông tin của tôi khỏi danh sách, hồ sơ TGPL-2026-000001 cũ chưa xong",
    );
    expect(reply.intent).toBe("intake-topic");
    expect(calls).toEqual([]);
    expect((await sessions.get("s1"))?.intake?.description).toContain("TGPL-2026-000001");
  });

  it("re-asks the current question when the person button is pressed mid-intake", async () => {
    const { engine, say } = setupIntake();
    await walk(say, PATH.slice(0, 3));
    const reply = await engine.handle({
      channel: "web",
      sessionId: "s1",
      text: "",
      action: { type: "escalate" },
    });
    expect(reply.intent).toBe("intake-topic");
  });

  it("starts the intake on the second failed attempt", async () => {
    const { say, sessions } = setupIntake();
    expect((await say("thời tiết hôm nay")).intent).toBe("no-match");
    const second = await say("bóng đá tối nay");
    expect(second.kind).toBe("escalate");
    expect(second.intent).toBe("intake-consent");
    expect(second.text).toContain("vẫn chưa tìm được");
    expect((await sessions.get("s1"))?.failedAttempts).toBe(0);
  });

  it("starts the intake from the person button and from a complex case, with the center's contacts for the urgent one", async () => {
    const { engine, say } = setupIntake();
    const button = await engine.handle({
      channel: "telegram",
      sessionId: "t1",
      text: "gặp cán bộ",
      action: { type: "escalate" },
    });
    expect(button.intent).toBe("intake-consent");
    const complex = await say("con trai tôi vừa bị công an bắt tối qua");
    expect(complex.intent).toBe("intake-consent");
    expect(complex.text).toContain("SĐT-TRUNG-TÂM-VÍ-DỤ");
  });
});

describe("the citizen's cases", () => {
  const view = (id: string, status: CaseStatusView["status"]): CaseStatusView => ({
    id,
    status,
    createdAt: "2026-11-26T08:00:00.000Z",
    firstResponseDueAt: "2026-11-27T03:30:00.000Z",
  });

  it.each(["tình trạng hồ sơ", "hồ sơ của tôi đến đâu rồi", "kiem tra ho so", "TGPL-2026-000123"])(
    "shows the status for %j",
    async (text) => {
      const { say, calls, state } = setupIntake();
      state.cases = [view("TGPL-2026-000123", "open"), view("TGPL-2026-000100", "claimed")];
      const reply = await say(text);
      expect(reply.intent).toBe("case-status");
      expect(calls).toEqual(["status web s1"]);
      expect(reply.text).toContain("TGPL-2026-000123 (gửi ngày 26/11/2026): đã nhận");
      expect(reply.text).toContain("trước 10:30 ngày 27/11/2026");
    },
  );

  it("names each status in Vietnamese, and says when there is no case", async () => {
    const { say, state } = setupIntake();
    expect((await say("tình trạng hồ sơ")).text).toContain("chưa có hồ sơ nào");
    state.cases = [view("TGPL-2026-000003", "claimed"), view("TGPL-2026-000002", "answered")];
    state.cases.push(view("TGPL-2026-000001", "closed"));
    const text = (await say("tình trạng hồ sơ")).text;
    expect(text).toContain("cán bộ đang xử lý");
    expect(text).toContain("cán bộ đã trả lời");
    expect(text).toContain("đã đóng");
  });

  it("asks to confirm 'xóa dữ liệu của tôi' naming the cases, and deletes only on 'XÓA'", async () => {
    const { say, calls, sessions, state } = setupIntake();
    state.cases.push(view("TGPL-2026-000123", "open"));
    await walk(say, PATH.slice(0, 3));
    const ask = await say("xóa dữ liệu của tôi");
    expect(ask.intent).toBe("delete-confirm");
    expect(ask.text).toContain("bạn có chắc muốn xóa");
    expect(ask.text).toContain("TGPL-2026-000123 (đang chờ cán bộ)");
    expect(ask.text).toContain("Gõ XÓA để xác nhận");
    expect(ask.buttons.map((b) => b.action.type)).toEqual(["confirm-delete", "keep-data"]);
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
    const reply = await say("XÓA");
    expect(reply.intent).toBe("delete-data");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual(["forget web s1"]);
    expect(reply.text).toContain("2 hồ sơ");
    expect(await sessions.get("s1")).toBeUndefined();
  });

  it("keeps everything, the intake included, when the citizen answers the confirmation with 'không'", async () => {
    const { say, calls, sessions } = setupIntake();
    await walk(say, PATH.slice(0, 3));
    const before = (await sessions.get("s1"))?.intake;
    await say("xóa dữ liệu");
    const reply = await say("không");
    expect(reply.intent).toBe("delete-kept");
    expect(reply.text).toContain("không xóa gì");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
    expect((await sessions.get("s1"))?.intake).toEqual(before);
    expect((await sessions.get("s1"))?.pendingDelete).toBeUndefined();
    // A later "xóa" alone is not a confirmation any more.
    await say("xóa");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
  });

  it("deletes nothing when the message after the confirmation is another question", async () => {
    const { say, calls, sessions } = setupIntake();
    await say("xóa dữ liệu của tôi");
    await say("ly hôn đơn phương");
    expect((await say("XÓA")).intent).not.toBe("delete-data");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
    expect(await sessions.get("s1")).toBeDefined();
  });

  it("asks again instead of deleting when the confirmation came after ten minutes", async () => {
    const { say, calls, sessions } = setupIntake();
    await say("xóa dữ liệu của tôi");
    const session = await sessions.get("s1");
    await sessions.set("s1", { failedAttempts: 0, ...session, pendingDelete: "2026-11-26T07:00:00.000Z" });
    expect((await say("XÓA")).intent).toBe("delete-confirm");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
  });

  it("confirms with the button too, and a stale button alone only asks", async () => {
    const { engine, calls } = setupIntake();
    const press = (type: "confirm-delete" | "keep-data") =>
      engine.handle({ channel: "web", sessionId: "s1", text: "Xóa dữ liệu", action: { type } });
    expect((await press("confirm-delete")).intent).toBe("delete-confirm");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual([]);
    expect((await press("confirm-delete")).intent).toBe("delete-data");
    expect(calls.filter((c) => c.startsWith("forget"))).toEqual(["forget web s1"]);
  });

  it("answers a question about deleting residence records as a question, mid-intake too", async () => {
    const { say, calls, sessions } = setupIntake();
    await walk(say, PATH.slice(0, 3));
    await say("Thủ tục xóa thông tin cư trú khi trong gia đình có người mất như thế nào?");
    await say("xóa án tích");
    expect(calls.filter((c) => c.startsWith("forget") || c.startsWith("status"))).toEqual([]);
    expect((await sessions.get("s1"))?.pendingDelete).toBeUndefined();
  });

  it.each([
    ["5", 5],
    ["4 điểm", 4],
    ["1", 1],
    ["3 sao", 3],
  ])("records the rating %j before any pending choice, then forgets the question", async (text, rating) => {
    const { say, sessions, state } = setupIntake();
    await sessions.set("s1", { failedAttempts: 0, pendingChoices: ["a"], pendingRating: "TGPL-2026-000123" });
    const reply = await say(text);
    expect(reply.intent).toBe("rating");
    expect(reply.text).toContain("cảm ơn bạn đã đánh giá");
    expect(state.rated).toEqual([["TGPL-2026-000123", rating, "web", "s1"]]);
    expect((await sessions.get("s1"))?.pendingRating).toBeUndefined();
  });

  it("drops the rating question when the citizen writes something else", async () => {
    const { say, sessions, state } = setupIntake();
    await sessions.set("s1", { failedAttempts: 0, pendingRating: "TGPL-2026-000123" });
    expect((await say("ly hôn đơn phương")).faqId).toBe("a");
    expect(state.rated).toEqual([]);
    expect((await sessions.get("s1"))?.pendingRating).toBeUndefined();
  });
});

describe("without a case desk", () => {
  it("keeps giving the center's contacts and never starts an intake", async () => {
    const { say, sessions, search } = setupIntake({ desk: false });
    const reply = await say("tôi muốn gặp cán bộ");
    expect(reply.kind).toBe("escalate");
    expect(reply.intent).toBe("ask-person");
    expect(reply.text).toContain("SĐT-TRUNG-TÂM-VÍ-DỤ");
    expect((await sessions.get("s1"))?.intake).toBeUndefined();
    await say("tình trạng hồ sơ");
    expect(search.calls).toContain("tình trạng hồ sơ");
  });
});
