import { DANGER_NOW_ACCENTED, DANGER_NOW_CATEGORIES, DANGER_NOW_PATTERNS } from "./danger-now-patterns.js";

/**
 * Signs of danger now, matched on folded text (no diacritics, lowercase, words separated by single
 * spaces), so that "đang cầm dao" and "dang cam dao" both match. Folding makes some words ambiguous
 * ("danh" is đánh and danh sách, "tu van" is tự vẫn and tư vấn), so ambiguous words are only
 * matched in unambiguous company. Recall on the test/eval emergencies must stay at 100%; the eval
 * also counts false alarms on ordinary questions.
 */
/**
 * The dangers that the words alone do not date (fire, drowning, a break-in, a child taken, a scam, a
 * stabbing): a story told to ask about the law afterwards ("cháy nhà hàng xóm bồi thường thế nào",
 * "bị lừa năm ngoái giờ kiện được không") names them too, so they need a sign of now ({@link URGENT}).
 */
const NOW_ONLY_CATEGORIES = ["stabbing", "child-taken", "fire", "drowning", "break-in", "scam-now"] as const;
/** Every category of danger now (detect-emergency.ts sets the order they are tried in). */
export const EMERGENCY_CATEGORIES = [
  "suicide",
  "sexual-abuse",
  "child-abuse",
  "trafficking",
  "violence-now",
  ...NOW_ONLY_CATEGORIES,
  ...DANGER_NOW_CATEGORIES,
] as const;
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number];

const NOW = "(?:dang|vua|van dang|bay gio|ngay bay gio|toi nay|dem nay|luc nay|suot|lien tuc)";
/** đánh, but not danh sách, danh dự, đánh giá … */
const DANH =
  "danh(?! (?:nhau|sach|du|nghia|hieu|ba|tinh|gia|muc|phan|tanh|thiep|ngon|tieng|bac|so|dau|thue|bai|vong))";
const HIT = `(?:${DANH}|dap(?! (?:ung|an|lai|so))|chem|dam (?:chet|vao(?! (?:dai phan cach|cot|tuong|xe|goc cay|cay|lan can|rao|o to|oto|cong|nha|le|duoi))|toi|em|me|chau|con|bang)|bop co|bop mieng|tat (?:vao|em|toi|con|chau|be|me)|tra tan|hanh ha|dau doc|(?<!tai )nhot|troi (?:tay|chan|em|be|chau|con|lai)|giet|xiet co)`;
const CHILD = "(?:be|chau|con toi|con em|con nho|con gai|dua con|dua tre|dua be|dua nho|tre con|em be)";
/** A child of the writer's, or a child near them ("thằng cu nhà tôi", "con trai tôi", "cháu 5 tuổi"). */
const MY_CHILD = `(?:${CHILD}|con trai|con be|con minh|con tui|con e|thang cu|cu nha|be nha|chau nha|chau toi|be gai|be trai|chau be|con \\d{1,2} tuoi|be \\d{1,2} tuoi)`;
/** Any child, the writer's or one they see ("có đứa bé", "một bé gái", "học sinh"). */
const ANY_CHILD = `(?:${MY_CHILD}|dua be|dua tre|dua nho|be gai|be trai|chau be|em be|em nho|mot be|1 be|con nit|hoc sinh|tre nho)`;
/** Somebody the writer does not know ("1 ông lạ", "mấy thằng lạ mặt"); folded, "lạ" is also "là", so only with a taking verb. */
const STRANGER =
  "(?:(?:mot|1|hai|2|may|vai|bon|nhom) )?(?:nguoi|ong|ba|ga|thang|ke|lao|tay|bon|nhom|mu|ten|dan ong|phu nu) (?:la mat|la hoac|la)";
/** Taken by force: dragged, carried, pushed or grabbed. */
const TAKE = "(?:keo|loi|bat|be|om|ep|nhet|day|cap|giat|khieng|vac|tom|dat)";
/** Where a person is taken to: a vehicle, a hidden place, or away. */
const AWAY =
  "(?:(?:vao|len) (?:bui|bui cay|xe|o to|oto|taxi|hem|ngo|nha hoang|rung|goc|lum|vuon|ruong|cho vang|kho|cop xe|thung xe)|(?:di|chay) mat|di khoi|bo chay|di dau)";
/** Money leaving an account: "bị trừ tiền", "rút hết", "chuyển đi". */
const DRAIN =
  "(?:bi )?(?:tru|rut|chuyen|mat|hut|bay|tru dan|rut dan) (?:\\w+ ){0,2}(?:tien|het|sach|di|dan|trieu|ty|nghin|ngan|cu)";
/** Where a fire is: a home or a workplace (never "xe", whose "đang chạy" folds like "đang cháy"). */
const PLACE =
  "(?:nha|phong|xuong|kho|cho|quan|can ho|chung cu|tang|bep|tiem|cua hang|day tro|phong tro|nha tro|khu tro|xom|nha may|cong ty)";

export const EMERGENCY_PATTERNS: Readonly<Record<EmergencyCategory, readonly RegExp[]>> = {
  ...DANGER_NOW_PATTERNS,
  suicide: [
    // "tự tử" and "tự sát" are matched with their accents or none (see MIXED_PATTERNS): folded,
    // "điện tử từ", "từ từ" and "tư sát" look the same.
    /\b(?:muon|dinh|se|chac|thu) chet\b/,
    /\bkhong (?:muon|con muon|thiet) song\b/,
    /\b(?:chan|het muon) song\b/,
    /\b(?:uong|nuot) (?:thuoc chuot|thuoc diet chuot|thuoc diet co|thuoc co|thuoc sau|thuoc ngu|thuoc tru sau|ca vi thuoc|ca lo thuoc)\b/,
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
    // "dâm ô" with its accents or none (MIXED_PATTERNS): folded, it is also "đâm ở".
    /\bgiao cau\b|\bloan luan\b/,
    /\b(?:anh|clip|video) (?:nong|nhay cam|khoa than)\b.{0,120}\b(?:doa|quan he|gui)\b/,
    /\b(?:doa|de doa)\b.{0,80}\b(?:anh|clip|video) (?:nong|nhay cam|khoa than)\b/,
  ],
  "child-abuse": [
    new RegExp(
      `\\b(?:bo duong|me ke|me ghe|bo ghe|di ghe|co giao|thay giao|bao mau|ong chu|chu ruot|cau ruot)\\b.{0,40}\\b${HIT}\\b`,
    ),
    new RegExp(`\\b${CHILD}\\b.{0,60}\\b(?:bi )?(?:${HIT}|bo doi|khoc thet)\\b`),
    new RegExp(`\\b${HIT}\\b.{0,30}\\b(?:dua con|dua be|dua nho|dua tre|em be|con nho|chau be)\\b`),
    new RegExp(`\\b(?:e|em|chau|con) \\d{1,2} tuoi\\b.{0,80}\\b(?:${DANH}|dap|hanh ha|doa|nhot|so|ep)\\b`),
    /\bdanh (?:hoi dong|tap the)\b/,
    // "bỏ đói", not "bộ đội" (matched with accents or none, see MIXED_PATTERNS).
    /\bkhong dam ve nha\b/,
  ],
  trafficking: [
    /\bbi ban (?:sang|qua|di|cho|lam|roi|r|vao)\b|\bbao bi ban\b|\bban (?:nguoi|sang trung quoc|qua bien gioi)\b|\bmua ban nguoi\b.{0,40}\b(?:dang|vua|(?<!truy )cuu)\b/,
    /\b(?:bien gioi|trung quoc|tq|campuchia|cam pu chia|myanmar)\b.{0,120}\b(?:giu lai|khong cho ve|ko cho ve|nhot|thu ho chieu|chuoc|doi tien|mat lien lac|(?<!truy )cuu)\b/,
    // Held papers alone are a labour or impound question ("công an giữ xe vì không có giấy tờ");
    // held papers with confinement are not.
    /\b(?:nhot|giam long)\b.{0,60}\b(?:khong cho (?:ve|lien lac|goi|dung dien thoai)|giay to|ho chieu|dien thoai)\b/,
    /\bgiu\b.{0,60}\b(?:khong cho (?:ve|di)|ko cho (?:ve|di)|ho chieu)\b/,
    /\b(?:thu|lay het|giu het|giu) ho chieu\b|\b(?:lay|thu|giu) het giay to\b/,
    /\b(?:du|lua|dua) (?:len xe|di|sang|qua)\b.{0,80}\b(?:bien gioi|mat lien lac|cuu)\b/,
    /\bmoi tha\b|\b(?:doi|mang|dem|gui) tien (?:\w+ ){0,3}chuoc\b|\b(?:den|ve) chuoc\b|\b(?:bi giu|giu lai|bat giu|nhot|giam)\b.{0,80}\b(?<!bat )chuoc\b/,
    /\b(?:lay|thu|giu|tich thu|cam) (?:het )?(?:dien thoai|giay to|can cuoc)\b.{0,40}\bkhong cho (?:ve|di|ra|lien lac)\b|\bkhong cho (?:ve|di|ra|lien lac)\b.{0,40}\b(?:lay|thu|giu|tich thu) (?:het )?(?:dien thoai|giay to)\b/,
    // Shut in a car, a room or a yard: "khóa cửa không cho xuống" (not a landlord's curfew, "ra vào").
    /\bkhoa (?:cua|cong|trai|xe)\b.{0,30}\bkhong cho (?:xuong|ra(?! vao)|ve|di|thoat)\b/,
    /\bbi (?:\w+ ){0,3}(?:giam|nhot|giam long|khoa trai|xich) (?:o|tai|trong|lai)\b.{0,60}\b(?:khong cho (?:ve|ra|di|lien lac)|(?:khong|ko) (?:ra|thoat) (?:duoc|dc)|thu (?:dien thoai|giay to)|canh|cau cuu|(?<!truy )cuu)\b/,
    /\b(?:karaoke|nha chua|massage|quan (?:hat|bia|nhau|ca phe|cafe)|casino|song bac)\b.{0,60}\b(?:bi giu|giu lai|nhot|bi giam|khong cho (?:ve|ra|di)|ep (?:tiep|di khach|ban|lam)|cau cuu)\b/,
    /\b(?:bi giu|giu lai|nhot|bi giam|bi ban|bi lua ban|ep (?:tiep khach|di khach|ban dam|lam gai|ngoi quan|uong ruou))\b.{0,60}\b(?:karaoke|nha chua|massage|quan (?:hat|bia|nhau)|casino|song bac)\b/,
    // Forced labour behind a locked gate: confinement and force together, not a labour dispute alone.
    /\b(?:khoa (?:cong|cua|trai)|khong cho (?:ra ngoai|ra khoi|ve|di dau)|nhot|canh gac|co nguoi canh)\b.{0,80}\b(?:bat (?:lam|lao dong)|ep (?:lam|lao dong)|danh|tron|bo tron|khong tra luong)\b/,
    /\b(?:bat|ep|cuong buc) (?:\w+ ){0,2}(?:lam viec|lao dong|lam)\b.{0,80}\b(?:khoa (?:cong|cua|trai)|khong cho (?:ra ngoai|ra khoi|ve)|nhot|canh gac|co nguoi canh)\b/,
  ],
  "violence-now": [
    new RegExp(`\\b${NOW}\\b.{0,30}\\b(?:cam dao|cam gay|cam sung|cam bua|cam rieu|${HIT})\\b`),
    /\b(?:doi|doa) (?:giet|chem|dam|dot|tat axit|danh chet|dot nha)\b|\bdoa (?:\w+ ){1,5}(?:giet|chem|dot (?:nha|xe)|tat axit|danh chet)\b/,
    /\bcam (?:dao|gay|sung|bua|rieu|kiem|xang)\b.{0,40}\b(?:doi|doa|danh|chem|duoi|giet)\b/,
    // Chased or followed is "followed" (tried before); hiding from someone is still danger now.
    /\bdap cua\b|\btron trong\b|\bdang tron\b/,
    /\bdo xang\b|\bdot nha\b|\btat axit\b/,
    /\bnhot (?:toi|em|e|me|chau|con|vo)\b|\bkhoa cua nhot\b/,
    // A grown-up dragged off now ("cô gái đang bị 2 thằng kéo lên xe"); a child is child-taken, and a
    // car towed onto a truck is no one.
    new RegExp(
      `\\b(?:co gai|phu nu|chi|em gai|ban gai|vo toi|me toi|chi toi|em toi|ban toi|(?:co|mot|1|hai|2) nguoi|thanh nien|dan ong|ba cu|ong cu)\\b(?: (?!xe\\b)\\w+){0,3} (?:dang|vua|vua moi) bi (?!(?:\\w+ ){0,3}(?:cong an|canh sat|csgt|bo doi))(?:\\w+ ){0,4}${TAKE} (?:\\w+ ){0,2}${AWAY}\\b`,
    ),
  ],
  stabbing: [
    // A stabbing or a slashing: "bị đâm" alone is also a car crash ("bị xe đâm"), so with a blade or a wound.
    /\b(?:bi|vua bi|dang bi) (?:dam|chem)\b.{0,30}\b(?:dao|chay mau|mau|nhat|vao (?:bung|nguc|lung|co|dau|nguoi)|trong thuong|guc|nga)\b/,
    /\b(?:dam|chem) (?:\w+ ){0,2}(?:mot|hai|ba|may|vai|nhieu|\d+) nhat\b|\bnhat dao\b|\brut dao\b|\bcam (?:dao|ma tau|kiem|rua) (?:xong|lao|chem|dam|duoi|vao(?! (?:nha|phong|tiem|cua hang|quan|san|ngan hang)))\b/,
    /\b(?:co nguoi|ai do|mot nguoi|nguoi|vua) bi (?:dam|chem)\b|\b(?:bi|vua bi|dang bi) chem\b|\bdang dam nhau\b/,
    /\b(?:dung|lay|rut) (?:dao|keo|ma tau|kiem|vat nhon|rua|dao gam) (?:\w+ ){0,2}(?:dam|chem)\b/,
    /\bdam chem nhau\b|\bdang (?:danh|chem) nhau\b.{0,40}\b(?:dao|ma tau|kiem|gay|mau)\b/,
  ],
  "child-taken": [
    /\bbat coc\b|\bcuop (?:be|con|chau|dua tre)\b/,
    new RegExp(
      `\\b(?:nguoi la|ai do|may nguoi|mot nguoi|thang nao|hai nguoi|nguoi dan ong|nguoi phu nu)\\b.{0,40}\\b(?:be|bat|dat|dan|du|keo|bong|cho|dua|ep)\\b.{0,15}\\b${MY_CHILD}\\b.{0,30}\\b(?:di|len xe|mat|chay|bo chay|khoi)\\b`,
    ),
    new RegExp(
      `\\b${MY_CHILD}\\b.{0,40}\\b(?:bi|vua bi|da bi) (?!cong an)(?:\\w+ ){0,5}(?:bat|be|dat|du|keo|bong|mang|dua|cho) (?:di(?! (?:hoc|lam|lao dong|ban|xin|nghia vu|cai nghien|kham|tiem))|len xe|mat|khoi)\\b`,
    ),
    new RegExp(
      `\\b${MY_CHILD}\\b.{0,60}\\b(?:mat tich|khong thay dau|ko thay dau|k thay dau|khong thay ve|chua thay ve|lac mat|bien mat|khong tim thay|khong tim duoc|ko tim thay|di lac|bi lac)\\b`,
    ),
    // "mất con xe", "mất con chó" are things, not a child.
    /\b(?:lac mat|lac|mat|khong thay|ko thay|khong tim thay) (?:con|be|chau|dua con|dua nho)\b(?! (?:xe|dau|heo|lon|ga|bo|trau|cho|meo|so|tem|dao|vit|ca|thuyen|tau|dien thoai))(?: \w+){0,8} (?:roi|dang|tu|khap|may tieng|ca buoi|cuu|giup)\b/,
    new RegExp(
      `\\b(?:nguoi la|ke la|ai do|bon|may thang|ke gian|nguoi dan ong|nguoi phu nu|mot nguoi|hai nguoi)\\b(?: \\w+){0,2} (?:bat|cuop|giat|om|be|keo) (?:mat |di )?${MY_CHILD}\\b`,
    ),
    // Any child, not only the writer's, being dragged or carried off now ("có đứa bé đang bị 1 ông lạ
    // kéo vào bụi cây"); not by the police ("bị công an bắt đi" is an arrest).
    new RegExp(
      `\\b${ANY_CHILD}\\b(?: \\w+){0,3} (?:dang|vua|vua moi|moi) bi (?!(?:\\w+ ){0,3}(?:cong an|canh sat|csgt|bo doi))(?:\\w+ ){0,4}${TAKE} (?:\\w+ ){0,2}${AWAY}\\b`,
    ),
    new RegExp(
      `\\b${STRANGER}\\b(?: \\w+){0,3} (?:dang|vua|vua moi|moi) ${TAKE} (?:\\w+ ){0,2}${ANY_CHILD}\\b(?: \\w+){0,3} ${AWAY}\\b`,
    ),
    /\b(?:vo cu|chong cu|bo no|me no|bo chau|me chau)\b.{0,20}\b(?:bat|cuop|giat|om) (?:con|be|chau)\b (?:\w+ ){0,2}(?:di mat|chay mat|bo chay|di roi)\b/,
  ],
  fire: [
    /\bboc chay\b|\bchay (?:lon|du doi|ngun ngut|lan sang|lan qua)\b|\bdam chay\b|\bkhoi (?:mu mit|den kit|bao trum)\b|\bngat khoi(?! than)\b/,
    /\bchay (?:chung cu|xuong|kho|phong tro|khu tro|day tro|nha may)\b|\bchay\b(?: \w+){0,3} (?:lan sang|lan qua|lan toi|lan den)\b|(?:^|\b)(?:chay nha|(?:nha|phong|xuong|kho|bep) (?:\w+ ){0,2}chay) (?:roi|qua|to|lon|cuu)\b|\blua (?:boc|chay|lan|bung|ngun ngut)\b/,
    new RegExp(
      `\\b${PLACE}\\b(?: \\w+){0,4} (?:(?:dang|vua) (?:boc )?chay\\b(?! (?:mau|may|xe|ca|hang|don|viec|tien|qua|di|ve|lai|theo|ra|vao))|bi chay (?:to|lon|du doi|lan|roi)\\b)`,
    ),
    new RegExp(
      `\\b${PLACE}\\b(?: \\w+){0,3} bi chay\\b.{0,40}\\b(?:goi (?:so|ai|cho)|so nao|cuu|phai lam (?:gi|sao)|lam gi bay gio|thoat)\\b`,
    ),
    /\b(?:dang|vua) boc khoi\b|\bchap dien\b.{0,30}\b(?:chay|khoi|lua)\b/,
    /\bmac ket\b.{0,40}\b(?:lua|khoi|chay)\b|\b(?:lua|khoi|chay)\b.{0,40}\bmac ket\b/,
    /\b(?:goi|bao|xe|linh) cuu hoa\b.{0,30}\b(?:chua (?:den|toi)|mai chua|oi|voi|ngay|lien)\b|\bgoi (?:cuu hoa|114)\b/,
  ],
  drowning: [
    // "đuối nước" and "chết đuối" are matched with their accents or none (MIXED_PATTERNS): folded,
    // they are also "dưới nước" (under water) and "chết dưới".
    // Fell or jumped into water ("xuống" required: folded, hộ is hồ and sống is sông).
    /\b(?:roi|nga|te|trot|truot chan|bi cuon|nhay|lan) xuong (?:(?!vung )\w+ ){0,2}(?:song|ho(?! sau| voi| tu than| mong| rac)|ao|suoi|kenh|muong|bien|gieng|dap|be boi|ho boi|nuoc)\b/,
    /\b(?:nuoc|lu|song|song bien) (?:cuon|dang cuon|cuon troi|da cuon)\b/,
    /\b(?:chim|bi chim) (?:xuong )?(?:nuoc|song|ho|ao|bien)\b|\b(?:khong|chua|ko|k) (?:thay )?(?:\w+ ){0,2}noi len\b|\b(?:thuyen|ghe|do|xuong|ca no) (?:\w+ ){0,4}bi (?:lat|chim)\b.{0,40}\b(?:dang|vua|cuu|chua|khong thay|mat tich)\b|\b(?:dang|bi) chim\b|\b(?:lat|chim) (?:thuyen|ghe|do|xuong|ca no|tau)\b.{0,40}\b(?:dang|vua|cuu|chua|khong thay)\b/,
  ],
  "break-in": [
    /\b(?:trom|ke trom|cuop|ke cuop|ke gian|nguoi la|thang nao|may thang|ai do|co nguoi)\b.{0,40}\b(?:dang|vua|luc nay)\b.{0,30}\b(?:vao nha|trong nha|o trong|cay cua|pha cua|pha khoa|be khoa|cat khoa|leo (?:vao|tuong|rao|cong|ban cong)|duoi nha|tang duoi|luc lo|trong san|vao phong|ngoai cua)\b/,
    /\b(?:dang|vua) (?:co )?(?:trom|ke trom|an trom|cuop|ke gian|nguoi la)\b.{0,30}\b(?:vao nha|vao phong|cay|pha|leo|lay (?:do|tien|xe|tai san))\b/,
    /\b(?:nha|phong) (?:\w+ ){0,2}(?:dang )?co (?:trom|ke trom|an trom|ke gian)\b|\bco (?:trom|ke trom|an trom|ke gian|cuop) (?:vao|trong|o trong) (?:nha|phong)\b/,
    /\b(?:ke gian|trom|ke trom|nguoi la|ke la|cuop|ke cuop) (?:\w+ ){0,2}(?:dot nhap|xong|lan|leo|treo) (?:vao )?(?:nha|phong|san)\b/,
    /\b(?:dang|vua) (?:cay|pha|be) (?:cua|khoa)\b|\bco (?:nguoi|ke|thang) (?:dot nhap|xong vao|dang vao|lan vao|trong nha|cay cua)\b|\bxong vao nha\b/,
    // Someone ransacking the house now, not a police search.
    /^(?!.*\b(?:cong an|canh sat|kham xet|lenh)\b).*\b(?:dang|vua) (?:luc loi|luc soat|luc|pha|dap pha) (?:\w+ ){0,2}(?:nha|phong|tu|do dac)\b/,
    // Someone hiding or rummaging inside now ("kẻ lạ mặt đang nấp dưới gầm giường").
    /\b(?:nguoi la|ke la|la mat|thang la|ke gian|trom|ke trom|bon cuop|ke cuop)\b(?: \w+){0,3} (?:dang )?(?:nap|tron|ron|luc loi|luc|lui cui|o|con|van con) (?:\w+ ){0,2}(?:trong|duoi|sau|tren|gam) (?:\w+ ){0,2}(?:nha|bep|phong|gac|san|kho|giuong|tu|cau thang|mai)\b/,
    /\b(?:la mat|nguoi la|ke la|ke gian|trom|ke trom)\b.{0,40}\b(?:leo|treo|cay|pha|xong|lan) (?:vao|tuong|rao|cong|cua|khoa|ban cong)\b/,
    /\b(?:dang|vua) (?:bi )?dot nhap\b|\bdot nhap\b.{0,30}\b(?:dang|vua|luc nay|bay gio)\b|\b(?:dang|dung) rinh (?:rap|mo)\b.{0,30}\b(?:nha|cong|cua)\b/,
    /\bnghe (?:co )?tieng (?:dong|cay cua|be khoa|buoc chan|lao xao|nguoi)\b.{0,40}\b(?:nha|duoi|phong|san|bep|cua)\b/,
  ],
  "scam-now": [
    /^(?=.*\b(?:goi|dien thoai|zalo|facebook|fb|nhan tin|tin nhan|nguoi la|xung|gia danh|mao danh|video|link|otp|ung dung|app|messenger|telegram|tai khoan)\b).*?\b(?:dang|bay gio|luc nay|ngay bay gio|van dang)\b.{0,60}\b(?:bat|doi|yeu cau|ep|giuc|hoi|bao)\b.{0,40}\b(?:chuyen (?:(?:\w+ ){0,3}(?:trieu|ty|tr|cu|nghin|ngan|dong|tien)|tien|khoan|gap|ngay)|nop (?:tien|phi|le phi|thue)|doc (?:ma )?otp|gui (?:ma )?otp|cai (?:app|ung dung)|quet (?:ma )?qr)\b/,
    /\b(?:dang|bay gio|luc nay|ngay bay gio|van dang)\b.{0,60}\b(?:bat|doi|yeu cau|ep|giuc)\b.{0,40}\bchuyen (?:(?:\w+ ){0,3}(?:trieu|ty|tr|cu|nghin|ngan|tien)|tien|khoan|phi|coc|\d)\b/,
    /\bdang (?:bi )?lua\b(?! dao (?:nam|thang|la))|\b(?:ke lua dao|ke lua|ke gian|bon lua dao|doi tuong)\b (?:\w+ ){0,2}(?:dang|van dang) (?:goi|nhan tin|doi|bat|yeu cau|giuc|video)\b/,
    // Not "gấp": folded it is also gặp (meet).
    /^(?=.*\b(?:goi|dien thoai|zalo|facebook|fb|nhan tin|tin nhan|nguoi la|xung|gia danh|mao danh|video|link|otp|ung dung|app|messenger|telegram|tai khoan)\b).*?\b(?:bat|doi|yeu cau|ep|giuc)\b.{0,40}\b(?:chuyen (?:tien|khoan|\d)|nop tien|doc)\b.{0,30}\b(?:ngay lap tuc|ngay bay gio|ngay|lien|trong \d+ (?:phut|tieng|gio))\b/,
    /\b(?:yeu cau|doi|bat|hoi|xin) (?:\w+ ){0,3}(?:ma )?otp\b/,
    /\b(?:bat|doi|yeu cau|ep|giuc)\b.{0,40}\b(?:chuyen (?:tien|khoan|\d)|nop tien)\b.{0,30}\btrong \d+ phut\b|\b(?:neu khong|khong thi|ko thi|k thi)\b.{0,20}\bchuyen (?:tien|khoan|\d)\b.{0,40}\b(?:bat|khoa|truy na|bat giam|di tu|phong toa)\b/,
    /\b(?:dang|van dang) (?:noi chuyen|nghe may|nghe dien thoai|goi|tren dien thoai|video call|call video)\b.{0,60}\b(?:cong an|vien kiem sat|toa an|ngan hang|chuyen tien|otp)\b/,
    /\b(?:dang|sap|chuan bi|vua|vua moi) chuyen (?:tien|khoan|\d+)\b.{0,60}\b(?:xung|gia danh|cong an|vien kiem sat|toa an|nguoi la|trung thuong|nhan qua)\b/,
    /\b(?:dang|van dang) (?:bi )?(?:lua dao|tong tien)\b|\b(?:dang|sap) (?:ra|di|chay ra) (?:ngan hang|cay atm|atm) (?:de )?(?:chuyen|rut|gui)\b/,
    /\b(?:xung|tu xung|gia danh|gia lam|mao danh) (?:la )?(?:cong an|vien kiem sat|toa an|ngan hang|can bo|buu dien)\b.{0,60}\b(?:dang|ngay|lien)\b.{0,40}\b(?:chuyen|nop|otp|tien|cai|quet)\b/,
    /^(?=.*\b(?:goi|dien thoai|zalo|facebook|fb|nhan tin|tin nhan|nguoi la|xung|gia danh|mao danh|video|link|otp|ung dung|app|messenger|telegram|tai khoan)\b).*?\b(?:neu khong|khong thi|ko thi|k thi)\b.{0,20}\b(?:chuyen|nop|dong)\b.{0,40}\b(?:bat|khoa|truy na|bat giam|di tu|phong toa|cat (?:dien|nuoc|sim|mang))\b/,
    /\b(?:sap|chuan bi|dinh|toi dinh) chuyen (?:tien|khoan|\d)\b.{0,50}\b(?:lua|cong an|trung thuong|nhan qua|phi|vien kiem sat|nguoi la)\b/,
    // An account being emptied now: money keeps leaving it, or it left right after a link, an app or a
    // code given away. Not a fee or a loan repayment ("bị trừ tiền phí SMS hằng tháng").
    new RegExp(
      `\\b(?:tai khoan|tk|stk|the atm|the ngan hang|the tin dung|tien trong the|vi dien tu|momo|zalopay|app ngan hang|ngan hang)\\b(?: \\w+){0,4} (?:dang|van dang|cu|vua|vua moi) ${DRAIN}\\b(?: \\w+){0,3} (?:lien tuc|lien lien|khong ngung|tung khoan|tung dot|nhieu lan|\\d+ lan|khong ro|la|ma (?:toi|em|minh|tui) khong)\\b`,
    ),
    // A phone taken over remotely, or a relative's account borrowed to ask for money now.
    /^(?=.*\b(?:dang|vua|van dang)\b).*\b(?:chia se man hinh|dieu khien tu xa|dien thoai bi dieu khien|bi dieu khien|teamviewer|anydesk|ultraviewer)\b/,
    /^(?=.*\b(?:muon tien|vay tien|nho chuyen|xin tien|can tien gap|chuyen giup|chuyen ho|gui giup)\b).*\b(?:zalo|facebook|fb|messenger|nick|tai khoan)\b.{0,100}\b(?:dang|sap|chuan bi|dinh|vua) (?:\w+ ){0,2}chuyen(?! nhuong| nha| khau| sang ten| truong| cong tac| di)\b/,
    /^(?=.*\b(?:ngan hang|atm|chuyen|rut|tien|tai khoan|tk|otp|so tiet kiem)\b).*\b(?:dan|bat|yeu cau|doa|khong cho|cam|dan do) (?:\w+ ){0,3}(?:khong duoc|ko duoc|dung|khong|cam) (?:tat may|cup may|ngat may|noi voi ai|ke voi ai|bao ai|noi cho ai|cho ai biet|goi cho ai)\b/,
    /\b(?:dang|van dang) (?:o|tai|ngoi o|dung o|ngoi tai|dung tai|ra) (?:\w+ ){0,2}(?:ngan hang|cay atm|atm|quay giao dich|buu dien)\b.{0,100}\b(?:goi|video|nghe may|dien thoai|xung|tu xung)\b/,
    /\b(?:goi|video|nghe may|xung|tu xung)\b.{0,100}\b(?:dang|van dang) (?:o|tai|ngoi o|dung o|ngoi tai|ra) (?:\w+ ){0,2}(?:ngan hang|cay atm|atm|quay giao dich|buu dien)\b/,
    /\b(?:co nguoi|nguoi la|so la|ai do|ho|no|may thang) (?:\w+ ){0,2}(?:goi|nhan tin|bao|noi|xung)\b.{0,80}\b(?:tai nan|cap cuu|mo|nhap vien|bi (?:\w+ ){0,2}bat|bi giu|bao lanh)\b.{0,100}\b(?:dang|sap|chuan bi|dinh|doi|vua|toan) (?:ra |di )?(?:\w+ ){0,2}(?:chuyen|gui|nop|rut)(?! nhuong| nha| khau| sang ten| truong| cong tac)\b/,
    /\b(?:dang|sap|chuan bi|dinh|doi|vua|toan) (?:ra |di |chay ra )?(?:\w+ ){0,3}(?:chuyen|gui|nop|rut)(?! nhuong| nha| khau| sang ten| truong| cong tac) (?:\w+ ){0,3}(?:tien|khoan|trieu)\b.{0,80}\b(?:nguoi (?:la|noi|xung|tu xung|goi)|so la|ai do)\b.{0,60}\b(?:tai nan|cap cuu|mo|bi bat|bao lanh|chuoc|cong an|giu)\b/,
    new RegExp(
      `^(?=.*\\blink\\b.*\\b(?:bam|nhan|click|an) vao\\b|.*\\b(?:vua|moi|lo|trot) (?:bam|nhan|click|an|mo|vao) (?:\\w+ ){0,2}(?:link|duong link|lien ket|duong dan)\\b|.*\\b(?:vua|moi|lo|trot) (?:cai|tai) (?:\\w+ ){0,2}(?:app|ung dung|phan mem)\\b|.*\\b(?:vua|moi|lo|trot) (?:doc|gui|dua|cho|nhap|bao) (?:\\w+ ){0,3}(?:ma )?otp\\b).*\\b(?:tai khoan|tk|stk|the|vi|ngan hang|tien)\\b(?: \\w+){0,4} (?:dang |vua |lien )?${DRAIN}\\b`,
    ),
  ],
};

/**
 * A bare cry for help ("cứu với", "SOS"): danger now of a kind not named. Tried after every category
 * so that "xe lật, người kẹt bên trong, cứu với" is a crash; read as violence-now (113 first).
 */
export const CRY_FOR_HELP =
  /\bcuu (?:toi|em|e|me|chau|con|be|minh|bé)? ?voi\b|\bcuu (?:toi|em|me|chau|con|be)\b|\bsos\b|\bhelp me\b/;

/** The categories that need a sign of now when the text asks about afterwards. */
export const NOW_ONLY: ReadonlySet<EmergencyCategory> = new Set(NOW_ONLY_CATEGORIES);
/** Compensation, liability, a procedure, or a time long past: the question is about afterwards. */
export const LATER_OR_LEGAL =
  /\b(?:boi thuong|den bu|kien|khoi kien|trach nhiem|bao hiem|xu phat|bi phat|phat (?:bao nhieu|the nao|tien)|thu tuc|ho so|tuyen bo|nam ngoai|nam truoc|thang truoc|tuan truoc|hom truoc|hom qua|hom kia|truoc day|ngay xua|hoi do|luc do|da lau|\d+ (?:nam|thang|tuan) (?:roi|nay|truoc)|lay lai|doi lai|co duoc (?:khong|ko|k)|duoc khong|toi gi|toi danh|pham toi|quy dinh|luat|xu ly|bi xu|xu (?:the nao|ra sao)|muc an|may nam|bao nhieu nam|di tu|phat tu|hinh su|truy cuu|thuong tat|ai chiu|co loi|loi cua ai|co bi (?:bat|phat|di tu|xu)|co (?:bi )?(?:coi|xem|tinh) la|(?:duoc|bi) (?:coi|xem|tinh) la|co phai (?:la )?(?:\w+ ){0,2}(?:bat coc|toi|pham phap|vi pham|trai phap luat|hanh vi)|co cau thanh|quyen nuoi|nuoi con|cap duong|tham con|tham nom|tranh chap)\b/;
/**
 * A time past named outright ("tuần trước", "năm ngoái", "hồi đó"): with no sign of now and nothing
 * still going on ({@link STILL}), a suicide or an attack told this way is a story told to ask about
 * afterwards ("tháng trước xóm tôi có người tự tử, khai tử ở đâu").
 */
export const PAST =
  /\b(?:nam ngoai|nam truoc|thang truoc|tuan truoc|hom truoc|hom qua|hom kia|truoc day|ngay xua|hoi do|luc do|da lau|(?:may|vai|mot|hai|ba|\d+) (?:nam|thang|tuan|ngay) (?:roi|truoc)|tu (?:nam|thang) (?:ngoai|truoc)|hoi (?:thang|nam) (?:\d+|truoc|ngoai|roi)|hoi (?:dau nam|tet|he)|da (?:bao|trinh bao|to cao) (?:cong an|ca))\b/;
/** Something still going on or feared again: a threat, fear, "vẫn", "lại", "nữa", every day. */
export const STILL =
  /\b(?:(?:van|con|lai|cu|dang|tiep tuc|hay|thuong xuyen|lien tuc|moi ngay|nay) (?:\w+ ){0,2}(?:doa|de doa|khung bo)|doa (?:se|quay lai|toi|den)|so (?:qua|lam|hai|chet|no|han|anh ta|ong ta|ba ta|bi|lai|quay lai|ve nha)|(?:rat|van|con|dang|luon|that|hoang|lo) so|quay lai|van con|van dang|van hay|van cu|van doi|van noi|lai (?:danh|doi|doa|muon|noi|tim)|tiep tuc|tiep|(?<!khong con |het |khong |chang con )nua|hoai|moi ngay|hang ngay|thuong xuyen|lien tuc|hut|khong thanh|muon chet|khong muon song)\b/;
/** A suicide that ended in a death someone else now deals with (a death certificate, a funeral, liability). */
export const SOMEONE_DIED =
  /\b(?:co nguoi|mot nguoi|nguoi thue|nguoi nha|chet|qua doi|tu vong|khai tu|dam tang|an tang|mai tang|thi the)\b/;
/** Signs that it is happening now, or that help is asked now. */
export const URGENT =
  /\b(?:dang|van dang|vua moi|ngay bay gio|bay gio|luc nay|(?<!truy )cuu|giup voi|mac ket|khan cap|114|113|115)\b/;

/**
 * Accented words that fold into a trigger word of a different meaning (bạn người → "ban nguoi",
 * like bán người). They are renamed ("banx") before folding; a message typed without diacritics
 * keeps "ban" and is still matched.
 */
export const FALSE_FRIENDS: readonly (readonly [RegExp, string])[] = [
  [/(?<!\p{L})(?:bạn|bàn|bận|bản)(?!\p{L})/gu, "banx"],
  // "nằm ngoài sân" (lying outside) folds like "năm ngoái" (last year), a sign of the past.
  [/(?<!\p{L})nằm ngoài(?!\p{L})/gu, "nằm bên ngoài"],
];

/** Diacritic-sensitive patterns for words whose folded form is ambiguous (tự vẫn ≠ tư vấn). */
export const EXACT_PATTERNS: Readonly<Partial<Record<EmergencyCategory, readonly RegExp[]>>> = {
  suicide: [/tự vẫn|tự tử|quyên sinh/],
  ...DANGER_NOW_ACCENTED,
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
  "sexual-abuse": [mixed(w("dâm", "dam"), w("ô", "o"))],
  drowning: [mixed(w("đuối", "duoi"), w("nước", "nuoc")), mixed(w("chết", "chet"), w("đuối", "duoi"))],
};

/**
 * Questions about the law in general ("tội hiếp dâm bị phạt thế nào?", "truy cứu tội mua bán
 * người…") name crimes without anyone being in danger. With no sign of a person concerned or of
 * something happening now, they are not an emergency. Matched on folded text.
 */
export const LEGAL_QUESTION =
  /\b(?:pham toi|toi (?:hiep dam|giet nguoi|mua ban nguoi|cuong hiep|dam o|xam hai|co y gay thuong tich|bat coc|bat giu nguoi|giu nguoi|cuop|cuong doat|xui giuc|giup (?:nguoi khac )?tu sat|lua dao|tong tien|cuong buc lao dong)|truy cuu|bi xu (?:ly|li|phat)|xu (?:ly|li) (?:nhu )?(?:the nao|ra sao)|hinh phat|khung hinh phat|muc phat|bi phat|phat tu|duoc hieu|quy dinh|co phai (?:la )?toi)\b/;
/**
 * An essay, a lesson, the news, a film, or a definition ("bắt cóc là gì", "thế nào là tội xúi giục tự
 * sát"): nobody is in danger unless help is asked or a wish to die is said.
 */
export const ABOUT_THE_LAW =
  /\b(?:bai luan|tieu luan|luan van|khoa luan|bai tap|bai thi|de thi|de tai|nghien cuu|thuyet trinh|tim hieu ve|mon (?:luat|phap luat|gdcd|giao duc cong dan)|hoc luat|sinh vien luat|doc bao|xem bao|tren bao|bao dang tin|doc tin|xem tin|ban tin|thoi su|xem phim|bo phim|tieu thuyet|dinh nghia|khai niem|the nao la|duoc hieu (?:la|nhu the nao)|cau thanh toi|dau hieu phap ly|phan biet(?! doi xu)|(?:bat coc|tu tu|tu sat|cuop|cuong doat|lua dao|mua ban nguoi|tong tien) (?:\w+ ){0,3}la (?:gi|toi gi))\b(?!.*\b(?:muon chet|khong (?:con )?muon song|chan song|het muon song)\b)/;

/** A person concerned or something happening now, with accents. */
export const PERSONAL_ACCENTED =
  /(?<![\p{L}\p{N}])(?:tôi|tui|tao|em|e|mình|cháu|con tôi|con em|con mình|vợ tôi|chồng tôi|bé|đang|vừa|(?<!truy )cứu|giúp|nhà tôi|hàng xóm)(?![\p{L}\p{N}])/u;
/** The same without accents ("toi" alone could be tội, so only in company). */
export const PERSONAL_FOLDED =
  /\b(?:tui|tao|em|e|minh|chau|con toi|con em|vo toi|chong toi|toi (?:bi|dang|vua|so|muon|phai)|be|dang|vua|(?<!truy )cuu|giup|nha toi|hang xom)\b/;

/** National numbers for each category (LEGAL-CONTEXT.md), most relevant first. */
export const EMERGENCY_NUMBERS: Readonly<Record<EmergencyCategory, readonly string[]>> = {
  stabbing: ["115", "113"],
  "child-taken": ["113", "111"],
  fire: ["114", "115", "113"],
  drowning: ["114", "115"],
  "break-in": ["113"],
  "scam-now": ["113"],
  suicide: ["115", "113", "111"],
  "sexual-abuse": ["113", "111", "115"],
  "child-abuse": ["111", "113", "115"],
  trafficking: ["113", "111"],
  "violence-now": ["113", "115", "111"],
  medical: ["115"],
  "traffic-accident": ["115", "113"],
  "gas-explosion": ["114", "115"],
  disaster: ["114", "115"],
  robbery: ["113", "115"],
  followed: ["113"],
};
