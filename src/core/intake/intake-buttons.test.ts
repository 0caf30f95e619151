import { describe, expect, it } from "vitest";
import type { Button, Reply } from "../reply.js";
import { DESCRIPTION, PATH, setupIntake, walk } from "./test-intake.js";

/** The button of `reply` whose label starts with `label`. */
function button(reply: Reply, label: string): Button {
  const found = reply.buttons.find((b) => b.label.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(reply.buttons.map((b) => b.label))}`);
  return found;
}

function setup() {
  const intake = setupIntake();
  const press = (b: Button) =>
    intake.engine.handle({ channel: "web", sessionId: "s1", text: b.label, action: b.action });
  return { ...intake, press };
}

describe("the intake by buttons", () => {
  it("offers buttons at every question but the story and the commune, and opens the case by buttons alone", async () => {
    const { say, press, opened } = setup();
    const consent = await say("tôi muốn gặp cán bộ");
    expect(consent.buttons.map((b) => b.label)).toEqual(["Đồng ý", "Không đồng ý"]);
    const story = await press(button(consent, "Đồng ý"));
    expect(story.intent).toBe("intake-description");
    expect(story.buttons).toEqual([]);
    const topic = await say(DESCRIPTION);
    expect(topic.buttons[0]?.label).toBe("Đúng: Hôn nhân, ly hôn, nuôi con");
    expect(topic.buttons.map((b) => b.label)).toContain("Đất đai, sổ đỏ");
    const contact = await press(button(topic, "Đất đai"));
    expect(contact.buttons.map((b) => b.label)).toEqual(["Trả lời trong khung chat này", "Gọi điện cho tôi"]);
    const phone = await press(button(contact, "Gọi điện cho tôi"));
    expect(phone.intent).toBe("intake-phone");
    const commune = await press(button(phone, "Không để số"));
    expect(commune.intent).toBe("intake-commune");
    const groups = await say("xã Ví Dụ");
    expect(groups.buttons.filter((b) => b.action.type === "pick")).toHaveLength(14);
    // Ticking "hộ nghèo" (2) and "người cao tuổi" (9) sends "2 9", as a channel with checkboxes does.
    const done = button(groups, "Xong");
    expect(done.action).toEqual({ type: "send-picks", empty: "0" });
    const confirm = await press({ label: "Xong", action: { type: "answer", text: "2 9" } });
    expect(confirm.intent).toBe("intake-confirm");
    expect(confirm.buttons.map((b) => b.label)).toEqual(["Gửi cho cán bộ", "Hủy, không gửi"]);
    const sent = await press(button(confirm, "Gửi cho cán bộ"));
    expect(sent.intent).toBe("intake-done");
    expect(opened[0]).toMatchObject({ topic: "dat-dai", contactPreference: "chat", commune: "xã Ví Dụ" });
    expect(opened[0]?.eligibility).toMatchObject({ hoNgheo: true, nguoiCaoTuoi: true, treEm: false });
  });

  it("asks about money with Có / Không / Không rõ when every ticked group needs it; one box pressed alone answers", async () => {
    const { say, press } = setup();
    await walk(say, PATH.slice(0, 7));
    const groups = await say("xã Ví Dụ");
    const financial = await press(button(groups, "Người cao tuổi"));
    expect(financial.buttons.map((b) => b.label)).toEqual(["Có", "Không", "Không rõ"]);
    expect((await press(button(financial, "Không rõ"))).intent).toBe("intake-confirm");
  });

  it("keeps typed answers working alongside the buttons, without diacritics too", async () => {
    const { say, opened } = setup();
    await walk(say, ["gap can bo", "co", DESCRIPTION, "dung", "nhan tin", "xa Vi Du", "khong", "gui"]);
    expect(opened[0]).toMatchObject({ topic: "hon-nhan-gia-dinh", contactPreference: "chat" });
  });
});

describe("the suggested topic", () => {
  it("comes from the story told in the intake, not from the FAQ shown before it", async () => {
    const { say } = setup();
    expect((await say("ly hôn đơn phương")).topic).toBe("hon-nhan-gia-dinh");
    await walk(say, ["gặp cán bộ", "có"]);
    const topic = await say("tranh chấp ranh giới đất với nhà bên cạnh đã lâu");
    expect(topic.text).toContain("«Đất đai, sổ đỏ»");
    expect(topic.buttons[0]?.label).toBe("Đúng: Đất đai, sổ đỏ");
  });

  it("is not offered when the story matches no FAQ, even after an FAQ was shown", async () => {
    const { say } = setup();
    await walk(say, ["ly hôn đơn phương", "gặp cán bộ", "có"]);
    const topic = await say("Hàng xóm mở loa hát karaoke đến nửa đêm mỗi ngày");
    expect(topic.text).not.toContain("«");
    expect(topic.buttons.map((b) => b.label)).toEqual([
      "Hôn nhân, ly hôn, nuôi con",
      "Đất đai, sổ đỏ",
      "Chủ đề khác / chưa rõ",
    ]);
    expect(topic.buttons[1]?.action).toEqual({ type: "answer", text: "2" });
  });
});

describe("a phone or ID number typed as the story", () => {
  it("is not taken as the story: a polite re-ask, kept out of the transcript, offered as the contact", async () => {
    const { say, press, sessions, opened } = setup();
    await walk(say, PATH.slice(0, 2));
    const reask = await say("0912 345 678");
    expect(reask.intent).toBe("intake-description");
    expect(reask.text).toContain("số điện thoại");
    expect(reask.text).toContain("chọn gọi điện ở bước sau");
    const kept = await sessions.get("s1");
    expect(kept?.intake?.description).toBeUndefined();
    expect(JSON.stringify(kept?.turns)).not.toMatch(/0912 ?345/);
    await say(DESCRIPTION);
    const contact = await say("đúng");
    const call = button(contact, "Gọi số 0912345678");
    const commune = await press(call);
    expect(commune.intent).toBe("intake-commune");
    await walk(say, ["xã Ví Dụ", "0", "gửi"]);
    expect(opened[0]).toMatchObject({
      description: DESCRIPTION,
      contactPreference: "phone",
      phone: "0912345678",
    });
  });

  it.each(["001234567890", "CCCD 001234567890", "sđt 0912345678"])(
    "re-asks for the story after %j",
    async (text) => {
      const { say, sessions } = setup();
      await walk(say, PATH.slice(0, 2));
      const reask = await say(text);
      expect(reask.intent).toBe("intake-description");
      const kept = await sessions.get("s1");
      expect(kept?.intake?.description).toBeUndefined();
      expect(JSON.stringify(kept?.turns)).not.toContain("1234567");
    },
  );
});

describe("danger in the middle of the intake", () => {
  it("answers the danger first and keeps the story it told; 'tiếp tục' goes on from the topic", async () => {
    const { say, press, sessions, opened } = setup();
    await walk(say, PATH.slice(0, 2));
    const story = "Chồng tôi đang cầm dao đòi giết tôi, tôi muốn ly hôn và nuôi con";
    const emergency = await say(story);
    expect(emergency.kind).toBe("emergency");
    expect(emergency.text.indexOf("113")).toBeLessThan(emergency.text.indexOf("điền dở"));
    expect((await sessions.get("s1"))?.intake).toMatchObject({
      description: story,
      step: "topic",
      paused: true,
    });
    const resumed = await press(button(emergency, "Tiếp tục hồ sơ"));
    expect(resumed.intent).toBe("intake-topic");
    expect(resumed.text).toContain(story);
    await walk(say, ["3", "1", "xã Ví Dụ", "0", "gửi"]);
    expect(opened[0]).toMatchObject({ description: story, topic: "khac" });
  });

  it("keeps the answers given so far; the next message is answered by the bot and offers to go on", async () => {
    const { say, sessions } = setup();
    await walk(say, PATH.slice(0, 6));
    expect((await say("cứu tôi với, có người đang đánh tôi")).kind).toBe("emergency");
    const next = await say("ly hôn đơn phương");
    expect(next.faqId).toBe("a");
    expect(next.text).toContain("điền dở");
    expect(next.buttons.map((b) => b.label)).toContain("Tiếp tục hồ sơ");
    expect((await sessions.get("s1"))?.intake).toMatchObject({ step: "commune", phone: "0387654321" });
    const resumed = await say("gặp cán bộ");
    expect(resumed.intent).toBe("intake-commune");
    expect(resumed.text).toContain(DESCRIPTION.slice(0, 40));
    expect((await say("xã Ví Dụ")).intent).toBe("intake-eligibility");
  });

  it("resumes the draft, not a new intake, when a complex case comes after the danger reply", async () => {
    const { say } = setup();
    await walk(say, PATH.slice(0, 4));
    await say("có người dọa giết tôi");
    const resumed = await say("con trai tôi vừa bị công an bắt tối qua");
    expect(resumed.intent).toBe("intake-contact");
    expect(resumed.text).toContain(DESCRIPTION.slice(0, 40));
  });

  it("drops the draft on 'hủy' after the danger reply", async () => {
    const { say, sessions } = setup();
    await walk(say, PATH.slice(0, 4));
    await say("có người dọa giết tôi");
    expect((await say("hủy")).intent).toBe("intake-cancelled");
    expect((await sessions.get("s1"))?.intake).toBeUndefined();
  });
});
