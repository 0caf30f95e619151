import { foldWords } from "../text/fold.js";

/** Conversation intents answered without searching the corpus. */
export type Intent =
  | "greeting"
  | "thanks"
  | "help"
  | "ask-person"
  | "privacy"
  | "delete-data"
  | "complex-case"
  | "case-status"
  | "out-of-scope";

const SHORT = 8; // greetings, thanks and help requests are short; longer messages carry a question

const GREETING =
  /^(?:(?:xin )?chao|hi|hello|helo|alo+|a lo|hey|ad oi|admin oi|ban oi|bot oi)(?: (?:ban|ad|admin|bot|em|anh|chi|tro ly|alo|ca nha|moi nguoi))*$/;
const THANKS = /\b(?:cam on|thanks?|tks|thank you)\b/;
const HELP =
  /^(?:menu|help|huong dan(?: su dung)?|tro giup|bat dau|start|chu de|cac chu de)$|\b(?:(?:ban|bot|em|tro ly)(?: nay)? (?:giup|lam) (?:duoc|dc) (?:gi|nhung gi|nhung j|j)|hoi (?:duoc|dc) (?:gi|nhung gi)|lam (?:duoc|dc) nhung (?:gi|j)|su dung the nao|dung (?:bot|tro ly) (?:nay )?the nao)\b/;
const PERSON =
  "(?:luat su|can bo|nguoi that|nhan vien|tu van vien|nguoi tu van|tong dai vien|chuyen vien|ad|admin)";
const ASK_PERSON = new RegExp(
  [
    `\\b(?:gap|noi chuyen voi|nt voi|nt truc tiep voi|nhan tin voi|trao doi voi|ket noi voi|ket noi|chuyen cho (?:toi|em|minh) gap|lien he voi|hen gap|goi cho|xin gap)\\b.{0,25}\\b${PERSON}\\b`,
    `\\b(?:can|muon|xin|co) (?:nguoi|ai|can bo|luat su) (?:tu van|ho tro|giup|truc)\\b`,
    "\\btu van (?:truc tiep|qua dien thoai|gap)\\b",
    "\\bnguoi that\\b",
    "\\bso dien thoai (?:cua )?(?:luat su|can bo)\\b",
    // "Có ai trực không", not a story of a call ("có ai gọi tui xưng nhân viên ngân hàng, biểu…").
    "\\bco (?:ai|can bo nao|nguoi nao) (?:truc|noi|tu van|goi)\\b(?!(?: \\w+){0,3} (?:xung|tu xung|gia danh|mao danh|noi la|bao la|bao|bieu|doi|yeu cau|doa|de doa|nhan)\\b)",
  ].join("|"),
);
/**
 * Short questions about market prices, weather, sports or lottery results: outside the corpus, and
 * their words sit in FAQs about other things ("giá vàng hôm nay" in the prize-scam FAQ). A long
 * message with these words ("trả nợ vàng theo giá vàng lúc nào") is a question of its own.
 */
const OUT_OF_SCOPE =
  /\b(?:gia (?:vang|do|do la|dola|usd|euro|yen|te|xang|dau|bitcoin|btc|coin|chung khoan|co phieu|lua|gao|heo|lon|ca phe|tieu|cao su|sau rieng)|ty gia|ti gia|thoi tiet|du bao thoi tiet|(?:mai|hom nay|chieu nay|toi nay) (?:troi )?co mua|ket qua (?:bong da|xo so|tran)|ty so|lich thi dau|xo so|xsmb|xsmn|xskt|vietlott|tu vi|xem boi|xem tuoi|phong thuy|lich am|am lich|ngay tot|cong thuc nau|cach nau|bao so \d+|dong dat)\b/;
const OUT_OF_SCOPE_WORDS = 10;
const PRIVACY =
  /\b(?:du lieu|thong tin) (?:cua toi|ca nhan|cua minh|cua em)\b.{0,40}\b(?:luu|giu|dung|bao mat|ai xem|o dau)\b|^(?:rieng tu|quyen rieng tu|bao mat)$|\bbot (?:co )?luu (?:tin nhan|thong tin)\b/;
/**
 * "Xóa dữ liệu của tôi" as a whole message: a command about the conversation's own data. Anchored on
 * both ends, so a question about deleting something else ("thủ tục xóa thông tin cư trú", "xóa án
 * tích", "xóa nợ", "xóa tài khoản ngân hàng") is never read as one; the engine asks to confirm anyway.
 */
const ME = "(?:toi|minh|em|tui|tao)";
const DELETE_DATA = new RegExp(
  [
    `^(?:(?:${ME}|ban|bot|ad|admin) )?(?:(?:muon|can|xin|hay|vui long|lam on|giup ${ME}|cho ${ME}|de nghi|yeu cau) )*`,
    "xoa (?:het |toan bo |tat ca |sach |giup |giup toi |di )?(?:(?:cac|nhung|moi) )?",
    "(?:du lieu|thong tin|lich su|tin nhan|cuoc tro chuyen|doan chat|noi dung|ho so)",
    "(?: (?:tro chuyen|chat|hoi thoai|ca nhan|da gui|minh da gui|toi da gui))?",
    `(?: (?:cua|ve) ${ME})?(?: (?:tren|o) (?:day|bot|he thong|tro ly))?`,
    `(?: (?:di|nhe|nha|giup|giup ${ME}|voi|a|ho|ho ${ME}|luon|ngay|duoc khong|dc khong|duoc ko|dc ko))*$`,
  ].join(""),
);
/** "Làm sao để xóa dữ liệu của tôi": a question about deleting one's own data gets the privacy text. */
const HOW_TO_DELETE = new RegExp(
  `\\bxoa (?:het |toan bo )?(?:du lieu|thong tin|lich su|tin nhan|cuoc tro chuyen)(?: (?:tro chuyen|chat|ca nhan))? cua ${ME}(?: (?:o day|tren day|tren bot|da gui))?(?: (?:the nao|nhu the nao|ra sao|bang cach nao|duoc khong|dc khong|khong|ko|a|vay|nhi))*$`,
);
/** Signals of a personal, urgent or tangled case that a FAQ must not settle. */
const RELATIVE =
  "(?:toi|em|e|minh|con|con trai|con gai|chong|ck|vo|vk|anh|chi|em trai|em gai|bo|me|cha|ba|ong|ba noi|ong noi)";
const RECENT = "(?:vua|dang|da|moi|toi qua|hom qua|sang nay|chieu nay|tu chieu|tu sang|tu toi qua)";
const COMPLEX = [
  // someone close was arrested or is held right now
  new RegExp(
    `\\b${RELATIVE}\\b(?: [a-z0-9]+){0,3} ${RECENT}?\\s?bi (?:cong an |cs |csgt |canh sat )?(?:bat|tam giam|tam giu|giu)\\b(?!.{0,30}\\b(?:thi|co duoc|co phai|co bi|bao lau|toi da)\\b)`,
  ),
  /\b(?:bi|nhan duoc?) (?:cong an |cs |canh sat )?(?:bat|giu) (?:tu|luc|hom|sang|chieu)\b/,
  // a court, police or enforcement date is close
  /\b(?:mai|ngay mai|sang mai|tuan sau|tuan toi)\b.{0,30}\b(?:ra toa|len toa|xu|xet xu|cuong che|len lam viec|trieu tap)\b/,
  /\b(?:ra toa|xu so tham|xu phuc tham)\b.{0,40}\b(?:mai|ngay mai|tuan sau)\b/,
  /\b(?:giay trieu tap|giay moi)\b.{0,60}\b(?:toa|cong an|len lam viec)\b.{0,60}\b(?:ngay|mai|tuan)\b/,
  /\b(?:nhan|nhan duoc|co) (?:ban )?cao trang\b|\bbi (?:nguoi ta )?kien\b|\bkien nguoc\b/,
  /\bcuong che\b.{0,40}\b(?:mai|ngay mai|sap|chua nhan)\b/,
];

/** "Tình trạng hồ sơ": short questions about the citizen's own case sent to staff, or a case code. */
const CASE_STATUS = [
  /^(?:xem |kiem tra |tra cuu |hoi )?(?:lai )?tinh trang (?:cua )?ho so(?: cua (?:toi|minh|em))?(?: (?:the nao|ra sao|sao roi|den dau|den dau roi|toi dau roi))?$/,
  /^(?:xem |kiem tra |tra cuu |hoi )(?:lai )?ho so(?: cua (?:toi|minh|em))?(?: da gui)?$/,
  /^(?:cho (?:toi |minh |em )?(?:hoi |xem )?)?ho so (?:cua )?(?:toi|minh|em)(?: da gui)? (?:den dau|toi dau|the nao|sao roi|ra sao|duoc xu ly chua|xu ly chua|co ai xem chua)(?: roi)?(?: a| vay| ha)?$/,
];
/** A case code; "tgpl" is expanded to "trợ giúp pháp lý" by normalization. */
const CASE_CODE = /\b(?:tgpl|tro giup phap ly) \d{4} \d{6}\b/;

/** Detects an intent in a normalized text; undefined means "search the corpus". */
export function detectIntent(normalizedText: string): Intent | undefined {
  const folded = foldWords(normalizedText);
  const words = folded ? folded.split(" ").length : 0;
  if (DELETE_DATA.test(folded)) return "delete-data";
  if (HOW_TO_DELETE.test(folded)) return "privacy";
  if (ASK_PERSON.test(folded)) return "ask-person";
  if (COMPLEX.some((re) => re.test(folded))) return "complex-case";
  if (PRIVACY.test(folded)) return "privacy";
  if (CASE_CODE.test(folded) || (words <= SHORT && CASE_STATUS.some((re) => re.test(folded))))
    return "case-status";
  if (words <= SHORT && HELP.test(folded)) return "help";
  if (words <= OUT_OF_SCOPE_WORDS && OUT_OF_SCOPE.test(folded)) return "out-of-scope";
  if (words <= SHORT && THANKS.test(folded)) return "thanks";
  if (words <= 5 && GREETING.test(folded)) return "greeting";
  return undefined;
}
