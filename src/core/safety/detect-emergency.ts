import { foldWords } from "../text/fold.js";
import {
  EMERGENCY_PATTERNS,
  type EmergencyCategory,
  EXACT_PATTERNS,
  FALSE_FRIENDS,
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
  for (const category of ORDER) {
    if (EXACT_PATTERNS[category]?.some((re) => re.test(normalizedText))) return category;
    if (EMERGENCY_PATTERNS[category].some((re) => re.test(folded))) return category;
  }
  return undefined;
}
