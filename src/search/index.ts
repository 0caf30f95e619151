export { buildIndex, contentHash, type IndexProgress, type IndexResult } from "./build-index.js";
export { buildLexicalInWorker } from "./build-lexical-in-worker.js";
export { type EnsureIndexResult, ensureIndex, type IndexStateStore } from "./ensure-index.js";
export { type FaqDocument, toFaqDocument } from "./faq-document.js";
export { loadIndexSettings, synonymMap } from "./index-settings.js";
export { buildLexicalData, type LexicalData, LexicalIndex, type RankedDoc } from "./lexical-index.js";
export { type MeiliFaqSearch, type MeiliFaqSearchOptions, meiliFaqSearch } from "./meili-faq-search.js";
