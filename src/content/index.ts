export { type CorpusReport, checkCorpus, PLACEHOLDERS } from "./check-corpus.js";
export {
  addDays,
  basisName,
  ENDING_WITHIN_DAYS,
  type EndingBasis,
  earliestEnd,
  endingBases,
} from "./document-currency.js";
export {
  FAQ_STATUSES,
  type Faq,
  type FaqFrontMatter,
  faqFrontMatterSchema,
  faqSchema,
  type LegalBasis,
  legalBasisSchema,
} from "./faq-schema.js";
export { type CorpusFile, loadFaqs, readCorpus } from "./load-corpus.js";
export { answerLead, type ContentIssue, countWords, parseFaqFile } from "./parse-faq-file.js";
export { AUDIENCES, TOPIC_IDS, TOPICS, type TopicId, topicLabel } from "./topics.js";
