import type { OrgInfo } from "../compose/org-info.js";
import { texts } from "../compose/texts.js";
import type { CaseDesk, IntakeCase } from "../ports.js";
import { caseCodeIn, caseStatusText } from "./case-status-text.js";

/** A reply text and the intent it answers. */
export interface DeskAnswer {
  readonly text: string;
  readonly intent: string;
  /** The rating could not be recorded: ask it again on the next message. */
  readonly keepRating?: boolean;
}

type Channel = IntakeCase["channel"];

/** The citizen's requests about their cases besides the intake: status, forget, rating. */
export interface DeskRequests {
  status(channel: Channel, sessionId: string, text: string): Promise<DeskAnswer>;
  forget(channel: Channel, sessionId: string): Promise<DeskAnswer>;
  rate(channel: Channel, sessionId: string, caseId: string, rating: number): Promise<DeskAnswer>;
}

/** Wraps the desk so a failure becomes a plain, honest sentence instead of an error. */
export function createDeskRequests(deps: {
  readonly desk: CaseDesk;
  readonly org: OrgInfo;
  readonly onError?: (error: unknown, where: string) => void;
}): DeskRequests {
  const { desk, org } = deps;
  const failed = (error: unknown) => deps.onError?.(error, "desk");
  return {
    async status(channel, sessionId, text) {
      try {
        const views = await desk.statusFor(channel, sessionId);
        return { text: caseStatusText(views, caseCodeIn(text)), intent: "case-status" };
      } catch (error) {
        failed(error);
        return { text: texts.statusUnavailable(org), intent: "case-status" };
      }
    },
    async forget(channel, sessionId) {
      try {
        return { text: texts.deletedWithCases(await desk.forget(channel, sessionId)), intent: "delete-data" };
      } catch (error) {
        failed(error);
        return { text: texts.deleteCasesFailed(org), intent: "delete-data" };
      }
    },
    async rate(channel, sessionId, caseId, rating) {
      try {
        const ok = await desk.rate(caseId, rating, channel, sessionId);
        return { text: ok ? texts.rated() : texts.ratingRefused(), intent: "rating" };
      } catch (error) {
        failed(error);
        return { text: texts.ratingFailed(), intent: "rating-failed", keepRating: true };
      }
    },
  };
}
