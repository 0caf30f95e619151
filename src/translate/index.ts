export { googleTranslator } from "./google-translator.js";
