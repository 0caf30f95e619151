import { capitalize, texts } from "../compose/texts.js";
import type { SiblingGroup } from "../decide/siblings.js";
import { namedMember } from "../decide/siblings.js";
import type { FaqRecord } from "../ports.js";
import type { Button, Reply } from "../reply.js";

/** Beyond the value's own words, a reply to a clarification has at most this many ("dạ, ô tô ạ", "tôi đi ô tô"). */
const MAX_EXTRA_WORDS = 3;

/** The question "xe máy hay ô tô?" as a `choices` reply: one option and one button per sibling. */
export function clarificationReply(
  group: SiblingGroup,
  language: string,
  extraButtons: readonly Button[],
): Reply {
  const { attribute, members } = group;
  const options = members.map((m) => ({ faqId: m.faq.id, label: m.faq.facets?.[attribute]?.[0] ?? "" }));
  return {
    kind: "choices",
    intent: "clarify",
    text: texts.clarify(
      attribute,
      options.map((o) => o.label),
    ),
    confidence: Math.round((members[0]?.score ?? 0) * 1000) / 1000,
    suggestions: members.map((m) => ({ faqId: m.faq.id, question: m.faq.question })),
    clarification: { attribute, question: texts.clarifyQuestion(attribute), options },
    buttons: [
      ...options.map(
        (o): Button => ({ label: capitalize(o.label), action: { type: "choose", faqId: o.faqId } }),
      ),
      ...extraButtons,
    ],
    language,
  };
}

/**
 * The sibling a typed reply to a clarification picks ("ô tô", "o to", "dạ xe máy ạ"), or undefined
 * when the message names none, several, or says much more (then it is a new question).
 */
export function clarifiedSibling(
  text: string,
  options: readonly FaqRecord[],
  attribute: string,
): FaqRecord | undefined {
  const named = namedMember(text, options, attribute);
  if (!named) return undefined;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words <= named.words + MAX_EXTRA_WORDS ? named.faq : undefined;
}
