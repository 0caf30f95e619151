import type { IntakeState } from "../ports.js";
import type { Button } from "../reply.js";
import type { IntakeTopic } from "./intake-flow.js";
import type { ScreeningQuestion } from "./intake-screening.js";
import { INTAKE_BUTTONS as B } from "./intake-texts.js";

/** A button that answers as if `text` were typed: the typed answers and the buttons are one path. */
const say = (label: string, text: string): Button => ({ label, action: { type: "answer", text } });

/** "Tiếp tục hồ sơ" and "Hủy hồ sơ": offered while an intake waits after a danger message. */
export const RESUME_BUTTONS: readonly Button[] = [say(B.resume, "tiếp tục"), say(B.cancelDraft, "hủy")];

/**
 * The buttons of an intake question: each one answers with the words or number the question tells
 * the citizen to type. The story and the commune are typed; the screening groups are ticked.
 */
export function intakeButtons(
  intake: IntakeState,
  topics: readonly IntakeTopic[],
  groups: readonly ScreeningQuestion[],
  labelOf: (topicId: string) => string,
): Button[] {
  switch (intake.step) {
    case "consent":
      return [say(B.agree, "có"), say(B.disagree, "không")];
    case "topic":
      return [
        ...(intake.suggestedTopic ? [say(B.suggested(labelOf(intake.suggestedTopic)), "đúng")] : []),
        ...topics
          .filter((topic) => topic.id !== intake.suggestedTopic)
          .map((topic) => say(topic.label, String(topics.indexOf(topic) + 1))),
      ];
    case "contact":
      return [
        say(B.chat, "1"),
        intake.phone ? say(B.callNumber(intake.phone), intake.phone) : say(B.call, "2"),
      ];
    case "phone":
      return [
        ...(intake.phone ? [say(B.callNumber(intake.phone), intake.phone)] : []),
        say(B.skipPhone, "bỏ qua"),
      ];
    case "eligibility":
      if (intake.eligibilityIndex === 1)
        return [say(B.yes, "có"), say(B.no, "không"), say(B.unsure, "bỏ qua")];
      return [
        ...groups.map(
          (group, i): Button => ({ label: group.label, action: { type: "pick", value: String(i + 1) } }),
        ),
        { label: B.picksDone, action: { type: "send-picks", empty: "0" } },
        say(B.noGroup, "0"),
        say(B.unsure, "bỏ qua"),
      ];
    case "confirm":
      return [say(B.send, "gửi"), say(B.cancel, "hủy")];
    default:
      return [];
  }
}
