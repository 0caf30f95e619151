import { foldWords } from "../text/fold.js";
import {
  CALM,
  CRY_NOW,
  DANGER_NOW_CATEGORIES,
  type DangerNowCategory,
  LEGAL_AFTER,
} from "./danger-now-patterns.js";
import {
  ABOUT_THE_LAW,
  CRY_FOR_HELP,
  EMERGENCY_PATTERNS,
  type EmergencyCategory,
  EXACT_PATTERNS,
  FALSE_FRIENDS,
  LATER_OR_LEGAL,
  LEGAL_QUESTION,
  MIXED_PATTERNS,
  NOW_ONLY,
  PAST,
  PERSONAL_ACCENTED,
  PERSONAL_FOLDED,
  SOMEONE_DIED,
  STILL,
  URGENT,
} from "./emergency-patterns.js";

/** Specific dangers before the general ones: "cứu với, nhà tôi đang cháy" is a fire (114), not violence. */
const ORDER: readonly EmergencyCategory[] = [
  "drowning",
  "suicide",
  "sexual-abuse",
  "trafficking",
  "child-abuse",
  "child-taken",
  "fire",
  "gas-explosion",
  "disaster",
  "break-in",
  "scam-now",
  "stabbing",
  "robbery",
  "followed",
  "violence-now",
  "traffic-accident",
  "medical",
];
const DANGER_NOW: ReadonlySet<EmergencyCategory> = new Set(DANGER_NOW_CATEGORIES);

/** The category of danger-now in a normalized text, or undefined. Runs before anything else. */
export function detectEmergency(normalizedText: string): EmergencyCategory | undefined {
  const folded = foldWords(
    FALSE_FRIENDS.reduce((text, [re, mark]) => text.replace(re, mark), normalizedText.toLowerCase()),
  );
  const lower = normalizedText.toLowerCase();
  let found: EmergencyCategory | undefined;
  // A story told to ask about afterwards ("cháy nhà … bồi thường thế nào") names a now-only danger without it.
  const afterwards = LATER_OR_LEGAL.test(folded) && !URGENT.test(folded);
  // An attack or a suicide told as past and over ("tuần trước có thằng cầm dao xông vô nhà … giờ nó
  // thưa tui"): the words that name the act do not make it danger now.
  const over = PAST.test(folded) && !URGENT.test(folded) && !STILL.test(folded);
  // The newer dangers (a body, a road, a place, a robber, a follower) are told in questions about the
  // law too; "đang" alone does not outweigh them ("đang làm hồ sơ bồi thường tai nạn").
  const cry = CRY_NOW.test(folded);
  const legalAfter = !cry && LEGAL_AFTER.test(folded);
  // An essay, the news or a definition ("bắt cóc là gì") names a danger nobody is in.
  if (ABOUT_THE_LAW.test(folded) && !cry) return undefined;
  for (const category of ORDER) {
    if (afterwards && NOW_ONLY.has(category)) continue;
    if (over && (category === "violence-now" || category === "followed")) continue;
    if (
      DANGER_NOW.has(category) &&
      (legalAfter || (!cry && CALM[category as DangerNowCategory]?.test(folded)))
    )
      continue;
    // A suicide someone else died of is over; thoughts of one ("muốn chết") are matched on.
    const actOver = over && category === "suicide" && SOMEONE_DIED.test(folded);
    if (
      (!actOver && EXACT_PATTERNS[category]?.some((re) => re.test(lower))) ||
      (!actOver && MIXED_PATTERNS[category]?.some((re) => re.test(lower))) ||
      EMERGENCY_PATTERNS[category].some((re) => re.test(folded))
    ) {
      found = category;
      break;
    }
  }
  if (!found && !over && !afterwards && CRY_FOR_HELP.test(folded)) found = "violence-now";
  if (found && LEGAL_QUESTION.test(folded) && !personal(lower, folded)) return undefined;
  return found;
}

/** Whether the text speaks of someone concerned or of now; "trẻ em" is children in general. */
function personal(lower: string, folded: string): boolean {
  const accented = lower !== folded;
  const text = lower.replace(/trẻ em|tre em/g, "trẻ");
  return accented ? PERSONAL_ACCENTED.test(text) : PERSONAL_FOLDED.test(folded.replace(/\btre em\b/g, "tre"));
}
