import { createHash } from "node:crypto";
import type { Cache, LanguageDetector, Translator } from "../ports.js";
import { scrub } from "../text/scrub.js";
import { CircuitBreaker } from "./circuit-breaker.js";

/** Turns a citizen's non-Vietnamese message into Vietnamese and the reply back; never throws. */
export interface TranslationService {
  toVietnamese(text: string): Promise<{ text: string; language: string; translated: boolean }>;
  fromVietnamese(text: string, language: string): Promise<{ text: string; translated: boolean }>;
}

export interface TranslationDeps {
  readonly detect: LanguageDetector;
  readonly translator: Translator;
  readonly cache: Cache;
  readonly timeoutMs: number;
  readonly breaker?: CircuitBreaker;
  readonly onError?: (error: unknown) => void;
}

const CACHE_TTL_SECONDS = 7 * 24 * 3600;
/** Languages detected with too little text are unreliable; short messages stay as they are. */
const MIN_LETTERS = 12;
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
/**
 * Very common Vietnamese syllables typed without diacritics, which tinyld reads as Finnish or
 * Swedish ("ly hon don phuong the nao" → fi). Words shared with English ("the", "do", "to") are left out.
 */
const UNACCENTED_VIETNAMESE = new Set(
  (
    "anh bao bi cho chong chu cong cua cuoc dang dat den duoc gi gia hoi hon khi khong ky lam luat " +
    "luong ly minh muon nao neu nha nhieu nhu nguoi phai phuong sao thai thi thu toi tuc ve viec voi vo xin"
  ).split(" "),
);

/**
 * Opt-in machine translation: phone and ID numbers are scrubbed before text leaves the service;
 * results are cached; a timeout and a circuit breaker bound the cost; any failure keeps Vietnamese.
 */
export function createTranslationService(deps: TranslationDeps): TranslationService {
  const breaker = deps.breaker ?? new CircuitBreaker(3, 60_000);

  async function translate(text: string, from: string, to: string): Promise<string | undefined> {
    if (breaker.open) return undefined;
    const safe = scrub(text);
    const key = `tr:${from}:${to}:${createHash("sha256").update(safe).digest("hex").slice(0, 32)}`;
    const cached = await deps.cache.get(key).catch(() => null);
    if (cached) return cached;
    try {
      const result = await deps.translator.translate(safe, {
        from,
        to,
        signal: AbortSignal.timeout(deps.timeoutMs),
      });
      breaker.success();
      await deps.cache.set(key, result, CACHE_TTL_SECONDS).catch(() => {});
      return result;
    } catch (error) {
      breaker.failure();
      deps.onError?.(error);
      return undefined;
    }
  }

  return {
    async toVietnamese(text) {
      const letters = text.replace(/[^\p{L}]/gu, "").length;
      if (letters < MIN_LETTERS || VIETNAMESE_LETTERS.test(text) || looksUnaccentedVietnamese(text))
        return { text, language: "vi", translated: false };
      const language = deps.detect(text);
      if (!language || language === "vi") return { text, language: "vi", translated: false };
      const vi = await translate(text, language, "vi");
      return vi ? { text: vi, language, translated: true } : { text, language, translated: false };
    },
    async fromVietnamese(text, language) {
      if (language === "vi") return { text, translated: false };
      const out = await translate(text, "vi", language);
      return out ? { text: out, translated: true } : { text, translated: false };
    },
  };
}

/** True when at least half the words, and two or more, are common unaccented Vietnamese syllables. */
function looksUnaccentedVietnamese(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = words.filter((word) => UNACCENTED_VIETNAMESE.has(word)).length;
  return hits >= 2 && hits * 2 >= words.length;
}
