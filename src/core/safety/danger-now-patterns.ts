/**
 * Dangers to the body and to where people are, matched on folded text like the rest of
 * emergency-patterns.ts: a medical emergency, a road crash with people hurt, a gas leak or an
 * explosion, a flood, landslide or collapse with people trapped, a robbery or extortion in progress,
 * and being followed or threatened at the door. Written for the kind of danger (symptoms,
 * situations, verbs of now), never for a sentence. Every one of them is also told in questions about
 * afterwards ("tai nạn giao thông bồi thường thế nào", "ngộ độc thực phẩm ai chịu trách nhiệm"), so
 * each needs a sign of now when the text asks about compensation, rules or a time past
 * ({@link LEGAL_AFTER}, {@link CRY_NOW}).
 */
export const DANGER_NOW_CATEGORIES = [
  "medical",
  "traffic-accident",
  "gas-explosion",
  "disaster",
  "robbery",
  "followed",
] as const;
export type DangerNowCategory = (typeof DANGER_NOW_CATEGORIES)[number];

/** Happening now: "đang", "vừa", "tự nhiên", "bỗng". */
const NOW =
  "(?:dang|vua|vua moi|bong|bong dung|dot nhien|tu nhien|tu dung|luc nay|ngay bay gio|nay gio|tu nay gio|tu luc nay|gio van|gio lai)";
/** Help asked now, or what to do this minute. */
const CRY_STRONG =
  "(?:(?<!truy |cap )cuu(?! tro| te)|giup (?:voi|gap|em|toi|minh)|goi (?:xe )?cap cuu|113|114|115|lam sao bay gio|lam gi bay gio|(?<!ho tro |cuu tro |tro cap |tinh trang )khan cap)";
/** Help asked now, or what to do this minute ("phải làm gì" also asks about the law: not an override). */
const CRY = `(?:${CRY_STRONG}|phai lam (?:gi|sao)|lam (?:gi|sao) (?:bay gio|gio|day|ha)|so cuu (?:sao|the nao|nhu the nao))`;

/** Signs of a body in danger that no chronic illness or story explains away. */
const ACUTE =
  "(?:bat tinh|ngat xiu|xiu (?:mat|ngang|luon|xuong|tai cho)|(?:bi|lan ra|te|nga|roi vao|len con) xiu|ngung tho|khong (?:con )?tho (?:duoc nua|nua|ra duoc|noi)|khong con tho|tho khong noi|ngung tim|tim (?:ngung dap|ngung)|(?:khong|ko) (?:bat duoc|con|thay) mach|(?:moi|mat|nguoi|da|tay chan|mong tay) (?:tim tai|tim ngat|tai nhot|xanh tai)(?! san| lieu| khoan| chinh)|lim (?:di|dan)|(?:lay|keo|vo|goi mai|goi hoai|lay mai|lay hoai|keu|keu mai|keu hoai) (?:khong|ko|chang|hong) (?:day|tinh day|tinh lai|phan ung|cu dong)|khong (?:thay |con )?phan ung|goi (?:mai |hoai )?(?:khong|ko|chang|hong) (?:thua|day)|nam (?:guc|bat dong)|(?:ba|ong|me|bo|con|be|chau|em|anh|chi|vo|chong|nguoi|ban|co|chu|bac|cu) (?:\\w+ ){0,2}(?:bi )?ngat (?:roi|lim|di roi|xiu)|nam (?:\\w+ ){0,3}(?:khong|ko|chang) (?:cu dong|nhuc nhich|tho nua)|lo mo|khong (?:con )?nhan ra (?:ai|nguoi nha)|ngu li bi|mat y thuc|guc (?:xuong|tai cho)|ho sac sua|sac (?:sua|nuoc|thuc an|sua)|sui bot mep|co giat (?:lien tuc|khong ngung|manh|toan than|tron mat|sui)|(?:dang|len con) co giat)";
/** Symptoms a chronic illness also has ("khó thở", "đau ngực"): danger when now or with a cry. */
const SYMPTOM =
  "(?:co giat|len con (?:co giat|dong kinh|dau tim|hen|suyen|dau nguc|dau that nguc)|kho tho|tho (?:doc|gap|hon hen|kho khe|rit)|dau (?:that )?nguc|dau tim|hap hoi|tim dap (?:nhanh|manh|loan)|sot (?:cao|rat|\\d+)|non (?:oi|mua|lien tuc|ra mau|thoc thao)|oi (?:ra mau|lien tuc)|ho ra mau|tieu chay (?:lien tuc|nhieu)|dau bung (?:du doi|quan|lan lon)|choang (?:vang|nga)|meo mieng|(?:mat|mieng) (?:\\w+ ){0,2}(?:bi )?(?:xe|lech|meo) (?:han|xuong|sang|mot ben)|khong (?:noi duoc|noi ra loi)|liet (?:nua nguoi|mot ben|tay|chan)|yeu nua nguoi|noi ngong|noi lap bap|yeu (?:nua nguoi|mot ben|han)|tay chan (?:\\w+ ){0,3}yeu|di lao dao|te (?:nua nguoi|mot ben|tay chan|nua mat)|sung (?:mat|moi|hong|luoi|phu)|noi (?:man|me day) (?:\\w+ ){0,2}(?:khap|toan)|tat tho|tron mat|giat (?:tay chan|lien tuc|nguoi)|dot quy|tai bien|nhoi mau|xuat huyet nao|mat (?:nhieu )?mau|chay mau)";
/** Poisoning, overdose, allergy, choking, burns, electric shock, heavy bleeding, a birth: danger by nature. */
const HARM =
  "(?:ngo doc|trung doc|an (?:phai |nham )?nam (?:doc|rung|dai|la hai|la moc)|(?:uong|an|nuot) (?:nham|phai) (?:\\w+ ){0,2}(?:thuoc|nuoc tay|hoa chat|xang|dau hoa|axit|ruou gia|ruou pha|con 90|con y te|con cong nghiep|nuoc rua|thuoc chuot|thuoc sau|pin)|uong (?:qua|nhieu|ca) (?:lieu|vi thuoc|lo thuoc|hop thuoc)|qua lieu|soc (?:thuoc|phan ve)|di ung (?:nang|toan than)|bi dien giat|day dien (?:\\w+ ){0,4}(?:dut|roi|ho)\\b.{0,60}\\b(?:nga|giat|dam phai|dap phai|cham phai|bat tinh)|dien giat (?:\\w+ ){0,2}(?:nga|bat tinh|khong|chet|cuu)|(?:bi )?ran (?:doc )?can|ong (?:vo ve|bap cay) (?:\\w+ ){0,2}dot|nuot (?:phai |nham )?(?:dong xu|pin|vien bi|nam cham|di vat|xuong ca)|mac (?:xuong|di vat|hat (?:mit|nhan|vai|chom))|hoc (?:xuong|di vat|keo|thach|hat (?:mit|nhan|vai|chom|lac|dau)|dong xu|vien bi|do choi|thuc an)|nghen (?:tho|thuc an|keo)|mac nghen|bong (?:nuoc soi|dau soi|axit|xang|toan than|do (?:2|3|hai|ba))|dut (?:tay|chan|dong mach|ngon tay|ngon) (?:\\w+ ){0,2}(?:sau|chay mau|mau)|mau (?:phun|tuon|vot) (?:ra|thanh tia|xoi xa|nhieu|lenh lang|khong ngung|o at)|(?:may|luoi) (?:\\w+ ){0,3}(?:cat|cuon|kep|nghien|cua|cheo) (?:\\w+ ){0,2}(?:dut|nat|cut) (?:\\w+ ){0,2}(?:tay|chan|ngon|dau)|ngat (?:khoi|khi) than|(?:dot|suoi|bep|lo) than (?:\\w+ ){0,4}phong kin|bang huyet|dang chuyen da|chuyen da (?:roi|sap de)|sap de (?:roi|ngay|toi noi)|chay mau (?:nhieu|khong (?:cam|ngung|dung|het)|o at|lenh lang|xoi xa|tu tung|qua)|mau (?:chay|ra) (?:nhieu|khong ngung|khong cam|lenh lang|xoi xa|o at)|oc mau|hoc mau)";

/** A road crash (not a work accident, named so when asking about the law). */
const CRASH =
  "(?:tai nan(?! lao dong)|dam xe|(?:xe|oto|o to) (?:\\w+ ){0,3}(?:dam|tong|hit|lao|lat|cuon|keo le)|(?:xe|oto|o to) (?:\\w+ ){0,2}can (?:qua|len|trung|phai|nat)|(?:dam|tong) (?:nhau|vao|vo|trung|phai)|bi (?:xe )?(?:\\w+ ){0,2}(?:tong|hit|cuon|keo le|quet (?:nga|trung|phai|vao)|can (?:qua|len|trung|phai|nat))|xe (?:\\w+ ){0,2}can (?:qua|len|trung|phai|nat)|lat xe|xe (?:\\w+ ){0,2}(?:bi )?lat|va cham(?! soc| lo| chi| con)|nga xe|te xe)";
/** Someone hurt there: lying still, bleeding, trapped, not moving. */
const HURT =
  "(?:nam (?:bat dong|im|giua duong|ra duong|sat|bet|bat tinh|guc|ren|le duong|ben duong|tren duong|duoi duong|vung mau)|ren ri|nga (?:xuong|ra|lan|soai|dap)|(?<=(?:tong|dam|quet|hit|va) )nga|bi thuong (?:nang|nhieu|rat nang)|(?:nhieu|may|vai|\\d+) nguoi (?:bi thuong|nguy kich)|bat tinh|chay mau|mau (?:me|chay|nhieu|lenh lang|ra nhieu)|gay (?:chan|tay|xuong|co|cot song)|trong thuong|nguy kich|(?:khong|ko|chua) (?:day|cu dong|nhuc nhich|noi duoc)|(?:bi )?ket (?:trong|duoi|chan|cung|ben trong)|mac ket|co giat|me man|bat dong|vo dau|dap dau|chan thuong so nao|hon me|tho yeu|keo le)";

/** A flood rising, water breaking in (not the price of water). */
const FLOOD =
  "(?:(?<!(?:tien|gia|hoa don|dong ho|cong to|nuoc sach|ho) )nuoc (?:lu |lut |song |suoi )?(?:dang |van )?(?:len|dang|dang len|dang cao|tran vao|ap vao|do ve|tran ve|ngap vao) (?:nhanh|cao|qua|manh|toi|den|ngap|vao|ngang|gan|nha|xom|lang)|lu (?:quet|ong|dang (?:ve|len|dang)|ve nhanh|len (?:nhanh|cao|qua)|tran|cuon|dang)|(?:nuoc|lu) (?:\\w+ ){0,2}ngap (?:den|toi|qua|het|nua|gan|ngang) (?:co|nguc|bung|dau|mai|noc|nha|tang|giuong|cua so|dau goi|ban|hong)|(?:mac ket|bi ket|ket lai|bi co lap|bi cuon) (?:\\w+ ){0,3}(?:lu|nuoc lu|nuoc ngap|vung ngap)|(?:nuoc lu|lu|nuoc (?:dang|da) (?:tran|ngap)) (?:da |dang )?(?:vao|tran vao|ngap) (?:nha|xom|lang|phong)|(?:lu|nuoc lu|nuoc) (?:\\w+ ){0,5}(?:co lap|bi co lap)|ket (?:trong|tren) (?:lu|mai nha|noc nha|nuoc)|nuoc (?:lu )?(?:dang )?(?:len|dang) (?:den|toi|qua) (?:co|nguc|mai|noc))";
/** Earth or a building coming down on people. */
const SLIDE =
  "(?:vui lap|bi vui|(?:dat|bun|da) (?:\\w+ ){0,2}vui|(?:nha|tuong|tran|mai|cau|gian giao|cong trinh|ham|lo gach|gieng|chung cu|toa nha|can ho|nha xuong|cot dien|cay) (?:\\w+ ){0,2}(?:bi )?(?:sap|sup|do sap|do xuong|do ap|do(?= de )|gay|nga|quat do) (?:\\w+ ){0,4}(?:de (?:len|trung|vao|chet|bep|ket)|vui|bi lap|mac ket|ket (?:ben duoi|duoi|trong)|bi thuong|cuu|keu (?:cuu|la|khoc)|ben duoi|o duoi|duoi dong|ben trong))";
/** Trapped: a lift, a shaft, rubble. */
const TRAPPED =
  "(?:(?:ket|mac ket|bi ket|ket cung|nhot) (?:o )?(?:(?:trong|duoi|ben duoi|giua) )?(?:\\w+ ){0,3}(?:thang may|ham|gieng|do nat|dat da|be tong|ong cong|dong gach|hang dong|ham mo|ham lo|dong do)|thang may (?:\\w+ ){0,3}(?:ket|dung|chet may|mat dien|roi|tut|khong mo)\\b.{0,40}\\b(?:nguoi|toi|em|be|con|chau|ba|ong|me|bo|cuu|trong)|bi de (?:duoi|ben duoi|ket|len)|de (?:len|trung) nguoi|(?:nga|truot|roi) xuong (?:\\w+ ){0,2}(?:ham|ho sau|gieng can|khe nui|vuc))";

/** Gas, chemicals or an explosion: folded "nổ" is also "nợ" and "nó", so only in company. */
const GAS =
  "(?:(?:ro ri|ro|xi|bi xi|bi ro|mui) (?:khi )?(?:ga|gas|gaz|khi dot)|hoi (?:gas|gaz)|(?:ho|xi|ro) (?:van|day|ong|binh) (?:ga|gas|gaz)|(?:vua|dang) (?:co |xay ra )?(?:vu|tieng) no|no (?:binh (?:ga|gas|gaz)|gas|gaz)|(?:binh|ong|day|van|bep) (?:ga|gas|gaz) (?:\\w+ ){0,2}(?:phat no|no|bi ro|bi xi|ro ri|boc lua|boc chay|phun lua|xi lua)|phat no|no tung|(?:dang|vua) (?:bi )?chay no|tieng no (?:lon|inh|dung|vang)|(?:noi hoi|lo hoi|binh (?:nong lanh|ac quy|khi|oxy|hoi|cuu hoa)|tram (?:bien ap|dien)|may bien ap|pin|xe dien|kho (?:phao|hoa chat)|bon (?:xang|dau|chua)) (?:\\w+ ){0,2}(?:phat no|no tung|vua no|no roi)|(?:ro ri|boc|bay) (?:ra )?(?:khi doc|hoa chat|amoniac|khi clo|clo|axit)|ngat khi (?:doc|than|ga|gas|co|metan|ham|lo|hoa chat)|khi doc (?:\\w+ ){0,4}(?:ngat|kho tho|ngo doc|xiu|bat tinh))";

/** Robbery or extortion in progress, with a weapon or a demand. */
const WEAPON =
  "(?:dao|sung|ma tau|kiem|vu khi|kim tiem|dao gam|gay go|gay sat|gay bong chay|tuyp sat|xa beng)";
/** "Cướp đất", "cướp chồng", "cướp công": not a robbery in the street. */
const NOT_LOOT = "(?:dat|nha dat|dat dai|chong|vo|cong|loi|ngoi|quyen|bien|dien|nguoi yeu)";
/** What a snatcher takes ("giật túi"); not "giặt đồ" (laundry), which folds like "giật đồ". */
const SNATCHED = "(?:tien|dien thoai|dt|xe|vang|vi|tui|tui xach|day chuyen|nhan|dong ho|laptop|balo|ba lo)";
const LOOT = "(?:tien|dien thoai|xe|vang|vi|tui|tai san|do|day chuyen|nhan|dong ho|laptop|the atm|mat khau)";

/** Somebody after the writer: a stranger, an ex, a car, a gang. */
const PURSUER =
  "(?:co nguoi|co thang|co xe|co ke|co gia|mot thang|mot nguoi|mot gia|mot ong|nguoi la|ke la|thang la|gia la|ong la|ai do|hai thang|2 thang|may thang|vai thang|mot nhom|bon|xe may|xe o to|o to|oto|xe hoi|nguoi yeu cu|chong cu|vo cu|ny cu|anh ta|gia do|thang do|ten do|thang say|ong say|ke say|gia say|thang nghien|con nghien|nguoi dan ong|dan ong la|ong kia|thang kia|co chiec xe|chiec xe|xe (?:ban tai|tai|hoi|16 cho|7 cho|la))";
const FOLLOW =
  "(?:di theo|bam theo|theo sau|theo (?:toi|em|minh|tui|chi|co|chau|be)|duoi theo|chay theo (?:xe|toi|em|minh|tui|chi|co|chau|be|con)|le deo theo|rinh rap|rinh|theo doi(?! (?:\\w+ ){0,2}(?:ho so|vu viec|suc khoe|benh|tien do|dieu tri|qua trinh))|bam duoi|doi (?:o|truoc|ngoai) (?:cua|cong|nha|phong|truong|cho lam)|dung (?:doi|cho|rinh|truoc|ngoai) (?:cua|cong|nha|phong))";

const re = (source: string) => new RegExp(source);

/** Matched on folded text; the categories are tried in the order of detect-emergency.ts. */
export const DANGER_NOW_PATTERNS: Readonly<Record<DangerNowCategory, readonly RegExp[]>> = {
  medical: [
    re(`\\b${ACUTE}\\b`),
    re(`\\b${HARM}\\b`),
    re(`\\b${NOW}\\b(?: \\w+){0,6} (?:bi )?${SYMPTOM}\\b`),
    re(`\\b${SYMPTOM}\\b.{0,60}\\b${CRY}\\b`),
    re(
      `\\b${SYMPTOM} (?:\\w+ ){0,3}(?:lien tuc|khong ngung|du doi|nang lam|qua troi|dot ngot|bat ngo|lan ra (?:tay|canh tay|vai|ham|lung))\\b`,
    ),
    // Two signs at once ("đau ngực, khó thở"): an attack, not a chronic illness named.
    re(`\\b${SYMPTOM}\\b.{0,50}\\b${SYMPTOM}\\b`),
    // A pregnancy with bleeding, waters breaking, pain or a fit.
    re(
      `\\b(?:co bau|mang thai|mang bau|bau \\d+ thang|thai \\d+ (?:tuan|thang))\\b.{0,40}\\b(?:ra (?:nhieu )?mau|chay mau|dau bung (?:du doi|quan|nhieu|lam)|vo oi|ra nuoc oi|co giat|ngat)\\b`,
    ),
    // A fall with no response: an old person down on the floor, not getting up.
    re(
      `^(?=.*\\b(?:khong|ko|chang|chua|hong) (?:day|dung day|tinh|cu dong|nhuc nhich|noi|tra loi|mo mat)\\b).*\\b(?:nga|te|truot chan|nga quy|do guc|guc|lan ra)\\b(?: \\w+){0,7} (?:khong|ko|chang|chua|hong) (?:day|dung day|tinh|cu dong|nhuc nhich|noi|tra loi|mo mat)\\b`,
    ),
    re(`\\b(?:nga|te) (?:\\w+ ){0,3}(?:dap dau|vo dau|chay mau dau|gay co)\\b`),
    // Someone suspected of a stroke or heart attack now ("hình như bố bị đột quỵ").
    re(
      `\\b(?:${NOW}|nghi|hinh nhu|co le|chac|co dau hieu|dau hieu) (?:\\w+ ){0,3}(?:bi )?(?:dot quy|tai bien|nhoi mau|dau tim|xuat huyet nao)\\b`,
    ),
  ],
  "traffic-accident": [
    re(`\\b${CRASH}\\b.{0,80}\\b${HURT}\\b`),
    re(
      `^(?=.*\\b(?:tai nan|bi xe|va cham|dam xe)\\b).*\\b${HURT}\\b.{0,40}\\b(?:do|vi|sau khi|sau) (?:\\w+ ){0,2}(?:tai nan|bi xe|va cham|dam xe)\\b`,
    ),
    re(
      `\\b(?:xe|oto|o to)\\b(?: \\w+){0,3} (?:lao|roi|lat|bi lat) (?:\\w+ ){0,2}xuong (?:vuc|song|ho|kenh|suoi|deo|ruong|muong|gam cau)\\b`,
    ),
    // A hit-and-run now.
    re(`\\b${CRASH}\\b.{0,80}\\b(?:bo chay|bo tron|phong (?:xe )?(?:di )?mat|chay mat|tau thoat)\\b`),
    re(
      `\\b(?:(?:dam|tong|hit|can|quet) (?:trung |phai |vao )?(?:nguoi|toi|em|me|bo|con|chau|be|ong|ba|xe|ban|chong|vo)|gay tai nan)\\b(?: \\w+){0,4} (?:roi )?(?:bo chay|bo tron|chay mat|phong (?:xe )?(?:mat|di)|tau thoat)\\b`,
    ),
    re(
      `\\b(?:vua|moi|lo|vua moi) (?:\\w+ ){0,2}(?:tong|dam|can|quet|hit) (?:trung |phai |vao )?(?:nguoi|mot nguoi|1 nguoi|ba cu|ong cu|em be|chau be|hoc sinh|nguoi di bo)\\b`,
    ),
    re(
      `\\b(?:vua|dang|vua moi) (?:xay ra|gap|bi|co|chung kien) (?:\\w+ ){0,2}(?:tai nan(?! lao dong)|vu tai nan|va cham)\\b`,
    ),
    re(`\\b(?:tai nan|dam xe|va cham)\\b.{0,60}\\b(?:${CRY_STRONG}|goi ai|goi so nao)\\b`),
  ],
  "gas-explosion": [re(`\\b${GAS}\\b`)],
  disaster: [
    re(`\\b${FLOOD}\\b`),
    re(`\\b${TRAPPED}\\b`),
    re(`\\b${SLIDE}\\b`),
    re(
      `\\b(?:sat lo|sat nui|lo nui|nui lo|lo dat|dat da (?:\\w+ ){0,2}(?:sat|lo|do xuong|tran|lan)|lu quet|lu ong|sut lun|ho tu than)\\b.{0,60}\\b(?:${NOW}|${CRY}|nguoi(?! dan)|mat tich|cuon|ket|vui|de)\\b`,
    ),
    re(`\\b${NOW} (?:\\w+ ){0,3}(?:sat lo|lo dat|lu quet|lu ong|ngap sau)\\b`),
    re(
      `\\b(?:doi|nui|ta luy|taluy|bo song|bo ke|suon doi|vach nui|mai ta luy) (?:\\w+ ){0,3}(?:dang|vua|bat dau) (?:sat|lo|sup|nut|trut)\\b|\\bdat da (?:\\w+ ){0,2}(?:lan|do|roi|trut|sat) xuong (?:\\w+ ){0,2}(?:nha|mai|duong|xe|nguoi)\\b`,
    ),
    re(
      `\\b(?:bao|loc|giong loc|loc xoay|gio giat) (?:\\w+ ){0,2}(?:dang|vua) (?:toc mai|quat do|cuon|giat sap|lam sap|danh sap)\\b`,
    ),
    re(
      `\\b(?:bao|loc|giong loc|loc xoay) (?:\\w+ ){0,3}(?:toc mai|quat do|cuon bay|sap nha)\\b.{0,60}\\b(?:${CRY}|nguoi|ket|de)\\b`,
    ),
    re(
      `^(?=.*\\b(?:bao|loc|giong|gio giat|mua bao|loc xoay)\\b).*\\b(?:mai ton|mai nha|mai|ton|ngoi) (?:\\w+ ){0,2}(?:bay (?:het|mat|di|sach)|bi toc|toc|bi cuon)\\b`,
    ),
  ],
  robbery: [
    re(
      `\\b(?:dang|vua|vua moi) (?:bi )?(?:\\w+ ){0,2}(?:cuop(?! ${NOT_LOOT})|tran lot|(?:ke|di|chia|gi) (?:dao|sung|ma tau) (?:vao|len|sat|ngay))\\b`,
    ),
    re(`\\bbi (?:\\w+ ){0,3}tran lot\\b`),
    re(`\\b(?:ep xe|chan xe|chan duong)\\b.{0,40}\\b(?:giat|cuop) (?:\\w+ ){0,2}(?:do|${SNATCHED})\\b`),
    re(
      `\\bbi (?:\\w+ ){0,2}cuop(?! ${NOT_LOOT})\\b.{0,60}\\b(?:danh|dam|chem|nam|bat tinh|chay mau|bi thuong|nga)\\b`,
    ),
    re(`\\bgiat (?:\\w+ ){0,2}${SNATCHED}\\b.{0,60}\\b(?:nga|chay mat|phong mat|bo chay|keo le)\\b`),
    re(`\\b(?:dang bi cuop|bi cuop\\b.{0,20}\\b(?:vua|dang|xong|luc nay))\\b`),
    re(
      `\\b(?:ke cuop|bon cuop|thang cuop|cuop(?! ${NOT_LOOT}))\\b.{0,40}\\b(?:${WEAPON}|dang|vua|chay|phong|xong vao|cuu)\\b`,
    ),
    re(
      `\\b(?:ke|di|chia|gi|cam) (?:\\w+ ){0,2}${WEAPON}\\b.{0,60}\\b(?:doi|bat|lay|dua|nop|giat|cuop) (?:\\w+ ){0,3}${LOOT}\\b`,
    ),
    re(
      `\\b(?:doi|bat|lay|dua|nop|giat|cuop) (?:\\w+ ){0,3}${LOOT}\\b.{0,40}\\b(?:ke|chia|cam|di) (?:\\w+ ){0,2}${WEAPON}\\b`,
    ),
    re(
      `\\b(?:dang|vua|vua moi) (?:bi )?(?:\\w+ ){0,3}(?:chan duong|chan xe|chan dau|tran lot)\\b.{0,60}\\b(?:doi|bat|lay|cuop|giat) (?:\\w+ ){0,2}${LOOT}\\b`,
    ),
    re(
      `\\b(?:chan duong|chan xe|chan dau)\\b(?: \\w+){0,3} (?:luc (?:tui|nguoi|soat)|lay het|cuop|giat) (?:\\w+ ){0,3}${SNATCHED}\\b`,
    ),
    // Armed men walking into a shop, a bank or a home and making demands.
    re(
      `\\b(?:cam|mang|vac) (?:\\w+ ){0,2}${WEAPON} (?:xong )?vao (?:tiem|cua hang|ngan hang|quan|nha|cay xang|phong giao dich)\\b(?:$|.{0,50}\\b(?:bat|doi|lay|cuop|dap|luc|troi)\\b)`,
    ),
    // Extortion in person now: forced to withdraw or hand over money this minute.
    re(
      `\\b(?:dang|vua|vua moi|bay gio) (?:bi )?(?:\\w+ ){0,3}(?:ep|bat|cuong ep|buoc|khong che|dan) (?:\\w+ ){0,4}(?:rut|chuyen|dua|nop|ky) (?:\\w+ ){0,2}(?:tien|het|so tiet kiem|the|atm|giay no|giay vay|vang)\\b`,
    ),
    re(
      `\\b(?:ep|bat|dan|dua|khong che|ap giai) (?:\\w+ ){0,3}(?:ra|di|toi|den|vao) (?:cay |quay )?(?:atm|ngan hang) (?:de )?(?:rut|chuyen)\\b`,
    ),
    re(
      `\\b(?:bat|ep|buoc) (?:\\w+ ){0,2}(?:rut|chuyen) (?:\\w+ ){0,2}(?:het )?tien\\b.{0,40}\\b(?:atm|cay atm)\\b|\\b(?:atm|cay atm)\\b.{0,40}\\b(?:bat|ep|buoc) (?:\\w+ ){0,2}(?:rut|chuyen)\\b`,
    ),
    re(
      `\\b(?:dang|vua|vua moi|luc nay)\\b(?: \\w+){0,6} bi (?:\\w+ ){0,2}(?:giat|cuop giat) (?:\\w+ ){0,2}${SNATCHED}\\b|\\bgiat (?:\\w+ ){0,2}${LOOT} (?:\\w+ ){0,2}(?:roi )?(?:chay|phong|bo chay)\\b.{0,40}\\b(?:${NOW}|${CRY}|nga|keo le)\\b`,
    ),
  ],
  followed: [
    re(`\\b${PURSUER}\\b(?: \\w+){0,3} (?:dang|cu|van|lien tuc|van dang|cu the) (?:\\w+ ){0,2}${FOLLOW}\\b`),
    re(
      `\\b(?:dang|van|cu) bi (?:\\w+ ){0,3}(?:theo doi|bam duoi|bam theo|di theo|deo bam|rinh rap)\\b(?! (?:\\w+ ){0,2}(?:suc khoe|benh|dieu tri|sau sinh|ho so|cong an|canh sat))`,
    ),
    re(
      `\\bbi (?:\\w+ ){0,3}(?:bam theo|bam duoi|di theo|theo doi|rinh rap) (?:\\w+ ){0,3}(?:tu|suot|nay gio|ca|den tan|toi tan|ve tan)\\b(?! (?:\\w+ ){0,2}(?:suc khoe|benh|dieu tri|sau sinh|ho so))`,
    ),
    re(
      `\\b${PURSUER}\\b(?: \\w+){0,5} (?:bam theo|bam duoi|duoi theo|rinh rap|le deo theo) (?:\\w+ ){0,3}(?:tu|suot|nay gio|den tan|toi tan|ve tan|ca)\\b`,
    ),
    re(
      `\\b(?:co thang|co nguoi|co gia|co ke|co xe|thang la|nguoi la|ke la|gia la|mot thang|mot gia|may thang|2 thang|hai thang)\\b(?: \\w+){0,4} (?:di theo|chay theo|theo sau) (?:\\w+ ){0,3}(?:tu|suot|ve|den tan|toi tan)\\b`,
    ),
    re(
      `\\bco (?:nguoi|thang|ke|xe|gia) (?:la )?(?:\\w+ ){0,2}(?:rinh rap|theo doi|bam theo|bam duoi|le deo theo) (?:nha|toi|em|minh|tui|chi|co|chau|be|con|me)\\b`,
    ),
    // A strange car or man waiting outside the house and watching it.
    re(
      `^(?=.*\\b(?:nhin (?:vao|chong chong)|rinh|theo doi|chup anh|quay phim|so)\\b).*\\b(?:xe|o to|oto|nguoi|thang|gia|ke) (?:\\w+ ){0,2}la (?:mat )?(?:\\w+ ){0,2}(?:do|dau|dung|ngoi|rinh|lang vang) (?:\\w+ ){0,2}(?:truoc|ngoai|quanh|canh|doi dien) (?:cua|cong|nha|ngo|hem|phong)\\b`,
    ),
    // A stranger at the door or under the house threatening now.
    re(
      `\\b${PURSUER}\\b(?: \\w+){0,3} (?:dap cua|go cua|pha cua|(?:dung|ngoi|chui|la het|quay pha)(?: \\w+)? (?:truoc|ngoai|o|duoi|canh) (?:\\w+ )?(?:cua|cong|nha|phong|chung cu|ngo|hem)|doi (?:vao|mo cua)|bam chuong|lang vang|rinh (?:truoc|ngoai|quanh))\\b.{0,60}\\b(?:doa|de doa|chui|doi|cam|say|khong (?:chiu )?di|so|giet|danh|xong|dot)\\b`,
    ),
  ],
};

/** A body in care already, or an illness of long standing: no alarm unless help is asked now. */
export const CALM: Readonly<Partial<Record<DangerNowCategory, RegExp>>> = {
  medical:
    /\b(?:hay (?:bi|co giat|len con|ngat|xiu|kho tho|dau)|nam vien|nhap vien|dang dieu tri|dieu tri (?:tai|o)|o benh vien|tai benh vien|chuyen vien|xuat vien|thuong bi|thuong xuyen|mac benh|man tinh|tien su|tu nho|lau nam|nhieu nam|bam sinh|khuyet tat|tam than|thuc vat|nam liet|liet giuong|nam mot cho)\b/,
  "traffic-accident":
    /\b(?:(?:cong an|canh sat|cs|csgt) (?:\w+ ){0,2}(?:giu|bat|tam giu)|bi giu|tam giu|nam vien|nhap vien|dang dieu tri|o benh vien|tai benh vien|xuat vien|dua (?:\w+ ){0,2}vao vien)\b/,
  disaster:
    /\b(?:hay bi|thuong bi|thuong xuyen|hang nam|moi nam|mua mua|vung (?:sat lo|lu|ngap|thien tai|nguy co))\b/,
  followed: /\b(?:cong an|canh sat|dieu tra|an ninh)\b/,
};

/**
 * Compensation, liability, insurance, rules, procedures or a time past: a question about the law
 * or about afterwards. Unlike the older categories' gate, "được không" is no sign of it: "đang co giật,
 * cho uống nước được không" asks what to do now.
 */
export const LEGAL_AFTER =
  /\b(?:boi thuong|den bu|khoi kien|kien (?:ai|doi|duoc|nguoi|cong ty|ra toa)|trach nhiem|bao hiem|bhyt|xu phat|bi phat|phat (?:bao nhieu|the nao|tien|tu|hanh chinh)|muc phat|thu tuc|ho so|giay to|nam ngoai|nam truoc|thang truoc|tuan truoc|hom truoc|hom qua|hom kia|truoc day|ngay xua|hoi do|da lau|(?:may|vai|mot|hai|ba|\d+) (?:nam|thang|tuan|ngay) (?:roi|nay|truoc)|toi gi|toi danh|pham toi|quy dinh|luat|nghi dinh|thong tu|xu ly (?:the nao|ra sao|nhu the nao)|muc an|bao nhieu nam|di tu|phat tu|hinh su|truy cuu|thuong tat|ai chiu|loi cua ai|co bi (?:bat|phat|di tu|xu)|che do|tro cap|giam dinh|suc lao dong|vien phi|chi phi|tai dinh cu|cap dat|di doi|quy hoach|nguy co|phong (?:tranh|ngua|chong)|sau (?:khi )?(?:bao|lu|con lu|dot lu|thien tai|sat lo|tai nan|vu (?:chay|no|tai nan))|an toan (?:thuc pham|ve sinh|lao dong|phong chay|khi)|giay phep|dieu kien|tieu chuan|kiem dinh|kinh doanh|khieu nai|dang ky|tap huan|dao tao|nghia vu|quyen loi|boi duong|phu cap|co duoc (?:\w+ ){0,4}(?:tien|tro cap|boi duong|phu cap|nghi|huong|ho tro|bao hiem|mien)|nhung khoan|khoan (?:gi|nao)|phai tra|khoi to|vu an|bi hai|da (?:bao|trinh bao) (?:cong an|ca)|dieu tra|xet xu|bi xu ly|bi xu|hop dong|di chuc|thua ke|uy quyen|giao dich|ly hon|tranh chap|so do|nha dat|nghi (?:may|bao nhieu)|duoc nghi|nghi (?:phep|om|viec)|(?:khi|neu|lo|gia su|truong hop) (?:\w+ ){0,12}thi (?:minh |toi |em )?(?:phai|nen|can|co|duoc|bi|xu|lam|ai)|tai nan (?:lao dong|ld)|(?:duoc|co) tinh (?:la )?|(?:tuan|thang|nam|hom|bua|dot|tran) (?:roi|vua roi|qua))\b/;
/** A sign of now strong enough to outweigh {@link LEGAL_AFTER} (not a bare "đang": "đang làm hồ sơ"). */
export const CRY_NOW = re(
  `\\b(?:${CRY_STRONG}|ngay bay gio|luc nay|nay gio|vua moi|van dang|gio (?:dang|van|lai)|mac ket)\\b`,
);

/**
 * Accented forms of words whose folded form is ambiguous (ngất / ngắt / ngạt, hôn mê / hơn mẹ, nổ /
 * nợ / nó, sập / sắp, vỡ ối / vợ ơi): matched on the lowercase text as typed.
 */
export const DANGER_NOW_ACCENTED: Readonly<Partial<Record<DangerNowCategory, readonly RegExp[]>>> = {
  medical: [
    /(?<![\p{L}\p{N}])(?<!cao )(?:ngất|hôn mê|mê man|tím tái|vỡ ối|ngạt thở|không tỉnh|chưa tỉnh|không thở|ngừng thở|khó thở quá|co giật)(?![\p{L}\p{N}])(?! (?:ngây|ngưởng|trời|táo))/u,
  ],
  "gas-explosion": [
    /(?<![\p{L}\p{N}])(?:tiếng|vụ|phát|bị|vừa|đang) nổ(?![\p{L}\p{N}])(?! (?:máy|súng|lốp|pháo))|(?<![\p{L}\p{N}])nổ (?:lớn|to|tung|ầm|rồi|liên tiếp|mạnh)(?![\p{L}\p{N}])/u,
  ],
  disaster: [
    /^(?=.*sập).*?(?:(?<![\p{L}\p{N}])(?:bị sập|đổ sập|sập (?:nhà|tường|trần|mái|cầu|giàn giáo|hầm|lò|giếng|công trình|rồi|xuống))(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:nhà|tường|trần|mái|cầu|giàn giáo|hầm|lò|giếng|công trình|chung cư) (?:\p{L}+ ){0,2}sập(?![\p{L}\p{N}]))/u,
  ],
};
