/**
 * Signs of danger now, matched on folded text (no diacritics, lowercase, words separated by single
 * spaces), so that "đang cầm dao" and "dang cam dao" both match. Folding makes some words ambiguous
 * ("danh" is đánh and danh sách, "tu van" is tự vẫn and tư vấn), so ambiguous words are only
 * matched in unambiguous company. Recall on the test/eval emergencies must stay at 100%; the eval
 * also counts false alarms on ordinary questions.
 */
export type EmergencyCategory = "suicide" | "sexual-abuse" | "child-abuse" | "trafficking" | "violence-now";

const NOW = "(?:dang|vua|van dang|bay gio|ngay bay gio|toi nay|dem nay|luc nay|suot|lien tuc)";
/** đánh, but not danh sách, danh dự, đánh giá … */
const DANH =
  "danh(?! (?:nhau|sach|du|nghia|hieu|ba|tinh|gia|muc|phan|tanh|thiep|ngon|tieng|bac|so|dau|thue|bai|vong))";
const HIT = `(?:${DANH}|dap(?! (?:ung|an|lai|so))|chem|dam (?:chet|vao|toi|em|me|chau|con|bang)|bop co|bop mieng|tat (?:vao|em|toi|con|chau|be|me)|tra tan|hanh ha|dau doc|nhot|troi (?:tay|chan|em|be|chau|con|lai)|giet|xiet co)`;
const CHILD = "(?:be|chau|con toi|con em|con nho|con gai|dua con|dua tre|dua be|dua nho|tre con|em be)";

export const EMERGENCY_PATTERNS: Readonly<Record<EmergencyCategory, readonly RegExp[]>> = {
  suicide: [
    // "tự tử" and "tự sát" are matched with their accents or none (see MIXED_PATTERNS): folded,
    // "điện tử từ", "từ từ" and "tư sát" look the same.
    /\b(?:muon|dinh|se|chac|thu) chet\b/,
    /\bkhong (?:muon|con muon|thiet) song\b/,
    /\b(?:chan|het muon) song\b/,
    /\b(?:uong|nuot) (?:thuoc chuot|thuoc sau|thuoc ngu|thuoc tru sau|ca vi thuoc|ca lo thuoc)\b/,
    /\b(?:nhay|gieo minh) (?:cau|song|lau|tu tang|xuong)\b|\bnhay tu\b/,
    /\brach tay\b|\bcat tay\b|\bcat co tay\b/,
    /\bket thuc (?:cuoc doi|tat ca|cuoc song|doi minh)\b/,
    /\bdi luon cho xong\b|\bcho xong (?:doi|chuyen)\b|\bchet cho xong\b|\bcho xong$/,
    /\bthu de lai\b|\bthu tuyet menh\b|\bde lai thu\b/,
    /\bdung tren (?:cau|noc|lan can|mai|tang thuong)\b/,
    /\bkhong con gi de mat\b|\bkhong ai can (?:em|toi|minh|e)\b/,
  ],
  "sexual-abuse": [
    /\bhiep dam\b|\bcuong (?:buc|hiep)\b|\bxam hai tinh duc\b/,
    /\bsam so\b|\bso soang\b|\bso soan\b|\bso mo\b|\bso (?:vao|len) (?:nguoi|nguc|vung kin|em|e|chau|con|be)\b/,
    /\b(?:ep|bat|doi) (?:quan he|lam chuyen do|ngu voi|di khach|ban dam)\b/,
    /\bdam o\b|\bgiao cau\b|\bloan luan\b/,
    /\b(?:anh|clip|video) (?:nong|nhay cam|khoa than)\b.{0,120}\b(?:doa|quan he|gui)\b/,
    /\b(?:doa|de doa)\b.{0,80}\b(?:anh|clip|video) (?:nong|nhay cam|khoa than)\b/,
  ],
  "child-abuse": [
    new RegExp(
      `\\b(?:bo duong|me ke|me ghe|bo ghe|di ghe|co giao|thay giao|bao mau|ong chu|chu ruot|cau ruot)\\b.{0,40}\\b${HIT}\\b`,
    ),
    new RegExp(`\\b${CHILD}\\b.{0,60}\\b(?:bi )?(?:${HIT}|bo doi|khoc thet|ngat)\\b`),
    new RegExp(`\\b${HIT}\\b.{0,30}\\b(?:dua con|dua be|dua nho|dua tre|em be|con nho|chau be)\\b`),
    new RegExp(`\\b(?:e|em|chau|con) \\d{1,2} tuoi\\b.{0,80}\\b(?:${DANH}|dap|hanh ha|doa|nhot|so|ep)\\b`),
    /\bdanh (?:hoi dong|tap the)\b/,
    // "bỏ đói", not "bộ đội" (matched with accents or none, see MIXED_PATTERNS).
    /\bkhong dam ve nha\b/,
  ],
  trafficking: [
    /\bbi ban (?:sang|qua|di|cho|lam|roi|r)\b|\bbao bi ban\b|\bban (?:nguoi|sang trung quoc|qua bien gioi)\b|\bmua ban nguoi\b.{0,40}\b(?:dang|vua|(?<!truy )cuu)\b/,
    /\b(?:bien gioi|trung quoc|tq|campuchia|cam pu chia|myanmar)\b.{0,120}\b(?:giu lai|khong cho ve|ko cho ve|nhot|thu ho chieu|chuoc|doi tien|mat lien lac|(?<!truy )cuu)\b/,
    // Held papers alone are a labour or impound question ("công an giữ xe vì không có giấy tờ");
    // held papers with confinement are not.
    /\b(?:nhot|giam long)\b.{0,60}\b(?:khong cho ve|giay to|ho chieu|dien thoai)\b/,
    /\bgiu\b.{0,60}\b(?:khong cho (?:ve|di)|ko cho (?:ve|di)|ho chieu)\b/,
    /\b(?:thu|lay het|giu het|giu) ho chieu\b|\b(?:lay|thu|giu) het giay to\b/,
    /\b(?:du|lua|dua) (?:len xe|di|sang|qua)\b.{0,80}\b(?:bien gioi|mat lien lac|cuu)\b/,
    /\bmoi tha\b|\bdoi tien chuoc\b/,
  ],
  "violence-now": [
    new RegExp(`\\b${NOW}\\b.{0,30}\\b(?:cam dao|cam gay|cam sung|cam bua|cam rieu|${HIT})\\b`),
    /\b(?:doi|doa) (?:giet|chem|dam|dot|tat axit|danh chet|dot nha)\b/,
    /\bcam (?:dao|gay|sung|bua|rieu|kiem|xang)\b.{0,40}\b(?:doi|doa|danh|chem|duoi|giet)\b/,
    /\bcuu (?:toi|em|e|me|chau|con|be|minh|bé)? ?voi\b|\bcuu (?:toi|em|me|chau|con|be)\b|\bsos\b|\bhelp me\b/,
    /\bduoi theo\b|\bdap cua\b|\btron trong\b|\bdang tron\b|\bbam theo\b/,
    // Bleeding or dying is danger now when it is happening, not in a story about last week.
    new RegExp(
      `\\b${NOW}\\b.{0,40}\\b(?:chay mau|hap hoi)\\b|\\bchay mau (?:nhieu|khong (?:cam|ngung|dung))\\b`,
    ),
    /\bbat tinh\b|\bngat (?:roi|xiu)\b/,
    /\bdo xang\b|\bdot nha\b|\btat axit\b/,
    /\bnhot (?:toi|em|e|me|chau|con|vo)\b|\bkhoa cua nhot\b/,
  ],
};

/**
 * Accented words that fold into a trigger word of a different meaning (bạn người → "ban nguoi",
 * like bán người). They are renamed ("banx") before folding; a message typed without diacritics
 * keeps "ban" and is still matched.
 */
export const FALSE_FRIENDS: readonly (readonly [RegExp, string])[] = [
  [/(?<!\p{L})(?:bạn|bàn|bận|bản)(?!\p{L})/gu, "banx"],
];

/** Diacritic-sensitive patterns for words whose folded form is ambiguous (tự vẫn ≠ tư vấn). */
export const EXACT_PATTERNS: Readonly<Partial<Record<EmergencyCategory, readonly RegExp[]>>> = {
  suicide: [/tự vẫn|tự tử|quyên sinh/],
};

/** A word written with its accent or with none at all ("tự" or "tu"; never "từ", "tư", "tử"). */
const w = (accented: string, bare: string) => `(?:${accented}|${bare})`;
const WORD_START = "(?<![\\p{L}\\p{N}])";
const WORD_END = "(?![\\p{L}\\p{N}])";
const mixed = (...words: string[]) => new RegExp(`${WORD_START}${words.join(" ")}${WORD_END}`, "u");

/**
 * Matched on the normalized text (lowercase, accents as typed): words whose folded forms collide
 * with ordinary ones — tự tử / điện tử từ, treo cổ / án treo có / treo cờ, bỏ đói / bộ đội — match
 * when written with their own accents or with none.
 */
export const MIXED_PATTERNS: Readonly<Partial<Record<EmergencyCategory, readonly RegExp[]>>> = {
  suicide: [
    mixed(w("tự", "tu"), w("tử", "tu")),
    mixed(w("tự", "tu"), w("sát", "sat")),
    new RegExp(`(?<!(?:án|an) )${WORD_START}treo ${w("cổ", "co")}${WORD_END}`, "u"),
  ],
  "child-abuse": [mixed(w("bỏ", "bo"), w("đói", "doi"))],
};

/**
 * Questions about the law in general ("tội hiếp dâm bị phạt thế nào?", "truy cứu tội mua bán
 * người…") name crimes without anyone being in danger. With no sign of a person concerned or of
 * something happening now, they are not an emergency. Matched on folded text.
 */
export const LEGAL_QUESTION =
  /\b(?:pham toi|toi (?:hiep dam|giet nguoi|mua ban nguoi|cuong hiep|dam o|xam hai|co y gay thuong tich)|truy cuu|bi xu (?:ly|li|phat)|xu (?:ly|li) (?:nhu )?(?:the nao|ra sao)|hinh phat|khung hinh phat|muc phat|bi phat|phat tu|duoc hieu|quy dinh|co phai (?:la )?toi)\b/;
/** A person concerned or something happening now, with accents. */
export const PERSONAL_ACCENTED =
  /(?<![\p{L}\p{N}])(?:tôi|tui|tao|em|e|mình|cháu|con tôi|con em|con mình|vợ tôi|chồng tôi|bé|đang|vừa|(?<!truy )cứu|giúp|nhà tôi|hàng xóm)(?![\p{L}\p{N}])/u;
/** The same without accents ("toi" alone could be tội, so only in company). */
export const PERSONAL_FOLDED =
  /\b(?:tui|tao|em|e|minh|chau|con toi|con em|vo toi|chong toi|toi (?:bi|dang|vua|so|muon|phai)|be|dang|vua|(?<!truy )cuu|giup|nha toi|hang xom)\b/;

/** National numbers for each category (LEGAL-CONTEXT.md), most relevant first. */
export const EMERGENCY_NUMBERS: Readonly<Record<EmergencyCategory, readonly string[]>> = {
  suicide: ["115", "113", "111"],
  "sexual-abuse": ["113", "111", "115"],
  "child-abuse": ["111", "113", "115"],
  trafficking: ["113", "111"],
  "violence-now": ["113", "115", "111"],
};
