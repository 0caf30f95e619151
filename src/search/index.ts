export { buildIndex, contentHash, type IndexProgress, type IndexResult } from "./build-index.js";
export { type EnsureIndexResult, ensureIndex, type IndexStateStore } from "./ensure-index.js";
export { type FaqDocument, toFaqDocument } from "./faq-document.js";
export { loadIndexSettings, synonymMap } from "./index-settings.js";
export { type MeiliFaqSearch, meiliFaqSearch } from "./meili-faq-search.js";
