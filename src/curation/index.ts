export { serializeFaq } from "./serialize-faq.js";
export { unifiedDiff } from "./unified-diff.js";
