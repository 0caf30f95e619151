/**
 * Removes personal identifiers from text kept for curators or sent to a translator: phone
 * numbers, ID numbers (CCCD 12 digits, CMND 9), bank-like long numbers, and e-mail addresses.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?<![\p{L}\p{N}])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu;
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[\s.-]?\d){8,18}(?![\p{N}])/gu;

export function scrub(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(PHONE, "[số điện thoại]")
    .replace(LONG_NUMBER, "[số giấy tờ]");
}
