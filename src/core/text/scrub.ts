/**
 * Removes personal identifiers from text kept for curators or sent to a translator: phone
 * numbers, ID numbers (CCCD 12 digits, CMND 9, passports), bank-like long numbers, and e-mail addresses.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// A phone glued to letters ("sdt0912345678") counts too; an area code may sit in brackets, "(028) 3829 1234".
const PHONE =
  /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])|\(0\d{2,3}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\p{N}])/gu;
/** Vietnamese passport numbers: one letter and 7 digits. */
const PASSPORT = /(?<![\p{L}\p{N}])[A-Za-z]\d{7}(?![\p{N}])/gu;
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[\s.-]?\d){8,18}(?![\p{N}])/gu;

export function scrub(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(PHONE, "[số điện thoại]")
    .replace(PASSPORT, "[số giấy tờ]")
    .replace(LONG_NUMBER, "[số giấy tờ]");
}
