import { foldWords } from "../text/fold.js";
import {
  EMERGENCY_PATTERNS,
  type EmergencyCategory,
  EXACT_PATTERNS,
  FALSE_FRIENDS,
  LEGAL_QUESTION,
  MIXED_PATTERNS,
  PERSONAL_ACCENTED,
  PERSONAL_FOLDED,
} from "./emergency-patterns.js";

const ORDER: readonly EmergencyCategory[] = [
  "suicide",
  "sexual-abuse",
  "trafficking",
  "child-abuse",
  "violence-now",
];

/** The category of danger-now in a normalized text, or undefined. Runs before anything else. */
export function detectEmergency(normalizedText: string): EmergencyCategory | undefined {
  const folded = foldWords(
    FALSE_FRIENDS.reduce((text, [re, mark]) => text.replace(re, mark), normalizedText.toLowerCase()),
  );
  const lower = normalizedText.toLowerCase();
  let found: EmergencyCategory | undefined;
  for (const category of ORDER) {
    if (
      EXACT_PATTERNS[category]?.some((re) => re.test(lower)) ||
      MIXED_PATTERNS[category]?.some((re) => re.test(lower)) ||
      EMERGENCY_PATTERNS[category].some((re) => re.test(folded))
    ) {
      found = category;
      break;
    }
  }
  if (found && LEGAL_QUESTION.test(folded) && !personal(lower, folded)) return undefined;
  return found;
}

/** Whether the text speaks of someone concerned or of now; "trẻ em" is children in general. */
function personal(lower: string, folded: string): boolean {
  const accented = lower !== folded;
  const text = lower.replace(/trẻ em|tre em/g, "trẻ");
  return accented ? PERSONAL_ACCENTED.test(text) : PERSONAL_FOLDED.test(folded.replace(/\btre em\b/g, "tre"));
}
