import { foldWords } from "../text/fold.js";

/** Conversation intents answered without searching the corpus. */
export type Intent =
  | "greeting"
  | "thanks"
  | "help"
  | "ask-person"
  | "privacy"
  | "delete-data"
  | "complex-case";

const SHORT = 8; // greetings, thanks and help requests are short; longer messages carry a question

const GREETING =
  /^(?:(?:xin )?chao|hi|hello|helo|alo+|a lo|hey|ad oi|admin oi|ban oi|bot oi)(?: (?:ban|ad|admin|bot|em|anh|chi|tro ly|alo|ca nha|moi nguoi))*$/;
const THANKS = /\b(?:cam on|thanks?|tks|thank you)\b/;
const HELP =
  /^(?:menu|help|huong dan(?: su dung)?|tro giup|bat dau|start|chu de|cac chu de)$|\b(?:(?:ban|bot|em|tro ly)(?: nay)? (?:giup|lam) (?:duoc|dc) (?:gi|nhung gi|nhung j|j)|hoi (?:duoc|dc) (?:gi|nhung gi)|lam (?:duoc|dc) nhung (?:gi|j)|su dung the nao|dung (?:bot|tro ly) (?:nay )?the nao)\b/;
const ASK_PERSON =
  /\b(?:gap|noi chuyen|nt|nhan tin|trao doi|ket noi|chuyen|lien he|hen|goi)\b.{0,40}\b(?:luat su|can bo|nguoi that|nhan vien|tu van vien|nguoi tu van|tong dai vien|chuyen vien|ai do|mot nguoi|nguoi nao)\b|\b(?:can|muon|xin|co) (?:nguoi|ai|can bo|luat su) (?:tu van|ho tro|giup)\b|\btu van (?:truc tiep|qua dien thoai|gap)\b|\bnguoi that\b|\bso dien thoai (?:cua )?(?:luat su|can bo|trung tam)\b|\bco (?:ai|can bo nao|nguoi nao) (?:truc|noi|tu van|goi)\b/;
const PRIVACY =
  /\b(?:du lieu|thong tin) (?:cua toi|ca nhan|cua minh|cua em)\b.{0,40}\b(?:luu|giu|dung|bao mat|ai xem|o dau)\b|^(?:rieng tu|quyen rieng tu|bao mat)$|\bbot (?:co )?luu (?:tin nhan|thong tin)\b/;
const DELETE_DATA = /\bxoa (?:du lieu|thong tin|lich su)(?: (?:cua toi|cua minh|cua em|ca nhan))?\b/;
/** Signals of a personal, urgent or tangled case that a FAQ must not settle. */
const COMPLEX = [
  /\b(?:bi|vua bi|dang bi) (?:cong an |csgt |canh sat )?(?:bat|tam giam|tam giu|giu|khoi to|truy to)\b/,
  /\b(?:giay trieu tap|giay moi)\b.{0,60}\b(?:toa|cong an|len lam viec)\b|\b(?:toa|cong an) (?:gui|moi|trieu tap)\b/,
  /\b(?:mai|ngay mai|tuan sau|thang sau|sang mai|sap)\b.{0,30}\b(?:ra toa|xu|xet xu|hoa giai|cuong che|nhan cao trang|len toa)\b/,
  /\b(?:ra toa|xu so tham|xu phuc tham|tam giam)\b.{0,40}\b(?:mai|tuan sau|sap|khong biet|chua co luat su|khong co tien)\b/,
  /\bcao trang\b|\bbi (?:nguoi ta )?kien\b|\bkien nguoc\b/,
  /\bcuong che\b.{0,40}\b(?:mai|ngay mai|sap|chua nhan)\b/,
];

/** Detects an intent in a normalized text; undefined means "search the corpus". */
export function detectIntent(normalizedText: string): Intent | undefined {
  const folded = foldWords(normalizedText);
  const words = folded ? folded.split(" ").length : 0;
  if (DELETE_DATA.test(folded)) return "delete-data";
  if (ASK_PERSON.test(folded)) return "ask-person";
  if (COMPLEX.some((re) => re.test(folded))) return "complex-case";
  if (PRIVACY.test(folded)) return "privacy";
  if (words <= SHORT && HELP.test(folded)) return "help";
  if (words <= SHORT && THANKS.test(folded)) return "thanks";
  if (words <= 5 && GREETING.test(folded)) return "greeting";
  return undefined;
}
