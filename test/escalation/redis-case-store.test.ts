import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CaseNotFoundError,
  CaseStateError,
  type CaseStore,
  type NewCaseInput,
  redisCaseStore,
} from "../../src/escalation/index.js";
import { deleteKeys, randomName, redisClient } from "../support/services.js";

let redis: Redis;
let prefix: string;
let now: Date;
let store: CaseStore;

const hour = 3_600_000;

function input(overrides: Partial<NewCaseInput> = {}): NewCaseInput {
  return {
    channel: "telegram",
    citizenKey: "k_citizen1",
    conversationId: "123456",
    contactPreference: "phone",
    phone: "+84 912 345 678",
    commune: "Phường Đồng Xoài",
    topic: "dat-dai",
    description: "Nhà tôi bị lấn đất, tuần sau phải lên tòa.",
    eligibility: { result: "likely-eligible", answers: { hoNgheo: true } },
    transcript: [{ role: "citizen", text: "tôi muốn gặp cán bộ", at: "2026-11-26T08:00:00.000Z" }],
    firstResponseDueAt: new Date(now.getTime() + 8 * hour).toISOString(),
    ...overrides,
  };
}

beforeAll(() => {
  redis = redisClient();
});
afterAll(async () => {
  await redis.quit();
});

beforeEach(() => {
  prefix = randomName("case");
  now = new Date("2026-11-26T09:00:00.000Z");
  store = redisCaseStore(redis, { prefix, clock: { now: () => now } });
});
afterEach(async () => {
  await deleteKeys(redis, prefix);
});

describe("redisCaseStore", () => {
  it("creates a case with a per-year code and reads it back whole", async () => {
    const first = await store.create(input());
    const second = await store.create(input());
    expect(first.id).toBe("TGPL-2026-000001");
    expect(second.id).toBe("TGPL-2026-000002");
    expect(first.phone).toBe("0912345678");
    expect(first.status).toBe("open");
    expect(await store.get(first.id)).toEqual(first);
    expect(await store.audit(first.id)).toEqual([
      { at: now.toISOString(), by: "citizen", action: "created" },
    ]);
  });

  it("numbers a case by the year in Vietnam, where New Year comes 7 hours before UTC", async () => {
    now = new Date("2026-12-31T17:30:00.000Z");
    expect((await store.create(input())).id).toBe("TGPL-2027-000001");
  });

  it("rejects a phone number that is not Vietnamese and a phone contact without a number", async () => {
    await expect(store.create(input({ phone: "12345" }))).rejects.toThrow(/Số điện thoại/);
    await expect(store.create(input({ phone: undefined }))).rejects.toThrow(/số điện thoại/);
    expect(await redis.exists(`${prefix}:cases:open`)).toBe(0);
  });

  it("gives 20 cases created at once 20 different codes", async () => {
    const created = await Promise.all(Array.from({ length: 20 }, () => store.create(input())));
    expect(new Set(created.map((c) => c.id)).size).toBe(20);
    expect((await store.listOpen({ limit: 100 })).counts.total).toBe(20);
  });

  it("never overwrites an existing case when the year's counter was reset", async () => {
    const first = await store.create(input());
    await redis.del(`${prefix}:case-seq:2026`);
    await expect(store.create(input({ description: "another story" }))).rejects.toBeInstanceOf(
      CaseStateError,
    );
    expect(await store.get(first.id)).toEqual(first);
  });

  it("returns undefined for an unknown case", async () => {
    expect(await store.get("TGPL-2026-999999")).toBeUndefined();
  });

  it("lists open cases by due date with filters and counts", async () => {
    const late = await store.create(input({ topic: "hon-nhan", firstResponseDueAt: iso(now, 10) }));
    const overdue = await store.create(input({ topic: "dat-dai", firstResponseDueAt: iso(now, -1) }));
    const soon = await store.create(
      input({ topic: "dat-dai", channel: "zalo", firstResponseDueAt: iso(now, 2) }),
    );
    const closed = await store.create(input({ firstResponseDueAt: iso(now, 1) }));
    await store.claim(soon.id, "lan");
    await store.close(closed.id, "lan", "duplicate");

    const all = await store.listOpen();
    expect(all.cases.map((c) => c.id)).toEqual([overdue.id, soon.id, late.id]);
    expect(all.counts).toEqual({ total: 3, overdue: 1, byStatus: { open: 2, claimed: 1, answered: 0 } });
    expect(all.cases[0]).not.toHaveProperty("description");
    expect(all.cases[0]).not.toHaveProperty("phone");

    expect((await store.listOpen({ topic: "dat-dai" })).cases.map((c) => c.id)).toEqual([
      overdue.id,
      soon.id,
    ]);
    expect((await store.listOpen({ status: "claimed" })).cases.map((c) => c.id)).toEqual([soon.id]);
    expect((await store.listOpen({ overdue: true })).cases.map((c) => c.id)).toEqual([overdue.id]);
    expect((await store.listOpen({ channel: "zalo" })).matching).toBe(1);
    expect((await store.listOpen({ overdue: false })).matching).toBe(2);
    expect((await store.listOpen({ eligibility: "likely-eligible" })).matching).toBe(3);
    expect((await store.listOpen({ eligibility: "unclear" })).cases).toEqual([]);
    const page = await store.listOpen({ offset: 1, limit: 1 });
    expect(page.cases.map((c) => c.id)).toEqual([soon.id]);
    expect(page.matching).toBe(3);
  });

  it("lets exactly one of 20 parallel claims win", async () => {
    const created = await store.create(input());
    const others = Array.from({ length: 20 }, () => redisClient());
    try {
      const stores = others.map((r) => redisCaseStore(r, { prefix, clock: { now: () => now } }));
      const results = await Promise.all(stores.map((s, i) => s.claim(created.id, `staff${i}`)));
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const winner = winners[0]?.ok ? winners[0].case.claimedBy : undefined;
      for (const r of results)
        if (!r.ok) expect(r).toEqual({ ok: false, status: "claimed", claimedBy: winner });
      expect((await store.audit(created.id)).filter((e) => e.action === "claimed")).toHaveLength(1);
    } finally {
      await Promise.all(others.map((r) => r.quit()));
    }
  });

  it("marks a case answered on the first staff reply and keeps internal notes", async () => {
    const created = await store.create(input());
    await store.claim(created.id, "lan");
    now = new Date(now.getTime() + hour);
    await store.addNote(created.id, { kind: "note", by: "lan", text: "<b>gọi lại</b>" });
    const replied = await store.addNote(created.id, { kind: "reply", by: "lan", text: "Dạ, mình đã xem." });
    expect(replied.status).toBe("answered");
    expect(replied.firstResponseAt).toBe(now.toISOString());
    expect(replied.notes.map((n) => [n.kind, n.text])).toEqual([
      ["note", "<b>gọi lại</b>"],
      ["reply", "Dạ, mình đã xem."],
    ]);
    expect((await store.audit(created.id)).map((e) => `${e.by}:${e.action}`)).toEqual([
      "citizen:created",
      "lan:claimed",
      "lan:noted",
      "lan:replied",
    ]);
  });

  it("closes a case with an outcome, takes it off the queue and refuses later replies", async () => {
    const created = await store.create(input());
    const closed = await store.close(created.id, "lan", "referred-to-legal-aid-procedure");
    expect(closed).toMatchObject({ status: "closed", outcome: "referred-to-legal-aid-procedure" });
    expect(closed.closedAt).toBe(now.toISOString());
    expect((await store.listOpen()).counts.total).toBe(0);
    await expect(store.addNote(created.id, { kind: "reply", by: "lan", text: "x" })).rejects.toBeInstanceOf(
      CaseStateError,
    );
    await expect(store.close(created.id, "lan", "answered")).rejects.toBeInstanceOf(CaseStateError);
    expect((await store.audit(created.id)).at(-1)).toMatchObject({
      action: "closed",
      detail: closed.outcome,
    });
  });

  it("throws CaseNotFoundError when acting on an unknown case", async () => {
    await expect(store.claim("TGPL-2026-000404", "lan")).rejects.toBeInstanceOf(CaseNotFoundError);
    await expect(store.close("TGPL-2026-000404", "lan", "answered")).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    await expect(store.anonymize("TGPL-2026-000404", "retention")).rejects.toBeInstanceOf(CaseNotFoundError);
  });

  it("anonymizes a closed case for retention: texts and phone blanked, counts and outcome kept", async () => {
    const created = await store.create(input());
    await store.addNote(created.id, { kind: "reply", by: "lan", text: "Dạ, bạn mang sổ đỏ nhé." });
    await store.close(created.id, "lan", "answered");
    expect(await store.idsForCitizen("k_citizen1")).toEqual([created.id]);
    expect(await store.closedBefore(new Date(now.getTime() + 1))).toEqual([created.id]);

    await store.anonymize(created.id, "retention");
    const after = await store.get(created.id);
    expect(after).toMatchObject({
      description: "",
      citizenKey: "",
      topic: "dat-dai",
      outcome: "answered",
      eligibility: { result: "likely-eligible", answers: {} },
      anonymizedAt: now.toISOString(),
    });
    expect(after?.phone).toBeUndefined();
    expect(after?.conversationId).toBeUndefined();
    expect(after?.transcript).toEqual([{ role: "citizen", text: "", at: "2026-11-26T08:00:00.000Z" }]);
    expect(after?.notes.map((n) => n.text)).toEqual([""]);
    expect(await store.idsForCitizen("k_citizen1")).toEqual([]);
    expect(await store.closedBefore(new Date(now.getTime() + 1))).toEqual([]);
    expect((await store.audit(created.id)).at(-1)).toMatchObject({ by: "retention", action: "anonymized" });
  });
  it("refuses a guarded reply, transfer or close by a staff member who does not hold the case", async () => {
    const created = await store.create(input());
    await store.claim(created.id, "lan");
    const guard = { holder: "minh" };
    for (const attempt of [
      store.addNote(created.id, { kind: "reply", by: "minh", text: "x" }, guard),
      store.transfer(created.id, "minh", "minh", guard),
      store.close(created.id, "minh", "answered", guard),
    ]) {
      await expect(attempt).rejects.toMatchObject({ name: "CaseActionDeniedError", code: "not_holder" });
    }
    const after = await store.get(created.id);
    expect(after).toMatchObject({ status: "claimed", claimedBy: "lan", notes: [] });
    await store.addNote(
      created.id,
      { kind: "reply", by: "lan", text: "Dạ", delivery: "k1" },
      { holder: "lan" },
    );
    expect((await store.get(created.id))?.notes[0]).toMatchObject({ delivery: "k1", by: "lan" });
  });

  it("transfers a case to a colleague, claiming an open one for them, with an audit entry", async () => {
    const created = await store.create(input());
    const moved = await store.transfer(created.id, "sup", "lan");
    expect(moved).toMatchObject({ status: "claimed", claimedBy: "lan" });
    const again = await store.transfer(created.id, "lan", "minh", { holder: "lan" });
    expect(again).toMatchObject({ status: "claimed", claimedBy: "minh" });
    expect((await store.audit(created.id)).slice(1)).toEqual([
      { at: now.toISOString(), by: "sup", action: "transferred", detail: "- -> lan" },
      { at: now.toISOString(), by: "lan", action: "transferred", detail: "lan -> minh" },
    ]);
  });

  it("shows a staff member only unclaimed cases and their own, counts included", async () => {
    const open = await store.create(input());
    const mine = await store.create(input());
    const theirs = await store.create(input());
    await store.claim(mine.id, "lan");
    await store.claim(theirs.id, "minh");
    const seen = await store.listOpen({ visibleTo: "lan" });
    expect(seen.cases.map((c) => c.id).sort()).toEqual([open.id, mine.id].sort());
    expect(seen.counts).toMatchObject({ total: 2, byStatus: { open: 1, claimed: 1, answered: 0 } });
    expect((await store.listOpen()).counts.total).toBe(3);
  });

  it("takes one 1–5 rating of a closed case, only from its own citizen", async () => {
    const created = await store.create(input());
    expect(await store.rate(created.id, 5, "k_citizen1")).toBe("not-closed");
    await store.close(created.id, "lan", "answered");
    expect(await store.rate(created.id, 5, "k_other")).toBe("not-theirs");
    expect(await store.rate("TGPL-2026-000404", 5, "k_citizen1")).toBe("missing");
    expect(await store.rate(created.id, 4, "k_citizen1")).toBe("ok");
    expect(await store.rate(created.id, 1, "k_citizen1")).toBe("already-rated");
    expect(await store.get(created.id)).toMatchObject({ rating: 4, ratedAt: now.toISOString() });
    expect((await store.audit(created.id)).at(-1)).toMatchObject({
      by: "citizen",
      action: "rated",
      detail: "4",
    });
  });

  it("keeps the reason and the FAQs shown with the case", async () => {
    const created = await store.create(
      input({ reason: "ask-person", shownFaqIds: ["dat-dai-01", "dat-dai-02"] }),
    );
    expect(await store.get(created.id)).toMatchObject({
      reason: "ask-person",
      shownFaqIds: ["dat-dai-01", "dat-dai-02"],
    });
  });
});

function iso(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * hour).toISOString();
}
