import type { CaseThreads, IntakeCase } from "../core/index.js";
import type { Logger } from "../logging/index.js";
import type { CaseLive } from "./case-service.js";
import type { CaseStore } from "./case-store.js";

/** What {@link createCaseThreads} needs. */
export interface CaseThreadsDeps {
  readonly store: CaseStore;
  /** The citizen's keyed identity, as the case service computes it. */
  readonly citizenKey: (channel: IntakeCase["channel"], sessionId: string) => string;
  readonly live?: CaseLive;
  readonly logger: Logger;
}

/**
 * The citizen side of the case thread. The pointer written with the case says which case the chat
 * talks to; the case itself decides whether the thread is still open, so a closed or anonymized
 * case ends it (and its pointer is removed) whatever happened to the pointer.
 */
export function createCaseThreads(deps: CaseThreadsDeps): CaseThreads {
  const { store } = deps;
  const log = deps.logger.child({ module: "case-threads" });

  return {
    async current(channel, sessionId) {
      const key = deps.citizenKey(channel, sessionId);
      const pointer = await store.thread(key);
      if (!pointer) return undefined;
      const c = await store.get(pointer.caseId);
      if (!c || c.status === "closed" || c.anonymizedAt) {
        await store.dropThread(key, pointer.caseId);
        return undefined;
      }
      return pointer;
    },

    async post(channel, sessionId, caseId, text) {
      const key = deps.citizenKey(channel, sessionId);
      const result = await store.addCitizenMessage(caseId, key, text);
      if (result !== "ok") {
        await store.dropThread(key, caseId);
        log.info({ caseId, result }, "a citizen message found its case no longer open; the bot answers it");
        return false;
      }
      const c = await store.get(caseId);
      if (c && deps.live) {
        await deps.live
          .publish({ caseId, type: "citizen-message", status: c.status, claimedBy: c.claimedBy })
          .catch((err: unknown) => log.warn({ err: String(err), caseId }, "live update not published"));
      }
      return true;
    },

    async setAway(channel, sessionId, caseId, away) {
      await store.setThreadAway(deps.citizenKey(channel, sessionId), caseId, away);
    },
  };
}
