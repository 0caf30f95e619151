/** The corpus topics: id, the label citizens see, and the v1 minimum number of published FAQs. */
export const TOPICS = [
  { id: "tro-giup-phap-ly", label: "Trợ giúp pháp lý miễn phí", min: 15 },
  { id: "hon-nhan-gia-dinh", label: "Hôn nhân, ly hôn, nuôi con", min: 20 },
  { id: "ho-tich", label: "Hộ tịch: khai sinh, khai tử, kết hôn", min: 18 },
  { id: "dat-dai", label: "Đất đai, sổ đỏ", min: 18 },
  { id: "thua-ke", label: "Thừa kế, di chúc", min: 12 },
  { id: "lao-dong", label: "Lao động, tiền lương", min: 18 },
  { id: "bao-hiem", label: "Bảo hiểm xã hội, bảo hiểm y tế, thất nghiệp", min: 15 },
  { id: "khieu-nai-to-cao", label: "Khiếu nại, tố cáo, tiếp công dân", min: 12 },
  { id: "bao-luc-gia-dinh", label: "Bạo lực gia đình", min: 10 },
  { id: "tre-em", label: "Quyền trẻ em", min: 10 },
  { id: "hoa-giai", label: "Hòa giải ở cơ sở", min: 8 },
  { id: "tiep-can-thong-tin", label: "Tiếp cận thông tin", min: 6 },
  { id: "cu-tru-can-cuoc", label: "Cư trú, căn cước", min: 12 },
  { id: "giao-thong", label: "Giao thông, xử phạt", min: 12 },
  { id: "dan-su", label: "Vay nợ, hợp đồng, dân sự", min: 12 },
  { id: "hinh-su", label: "Hình sự: bị bắt, bị hại, bào chữa", min: 10 },
  { id: "tro-giup-xa-hoi", label: "Trợ giúp xã hội, hộ nghèo, người khuyết tật, người cao tuổi", min: 12 },
  { id: "dich-vu-cong", label: "Dịch vụ công trực tuyến, thủ tục hành chính", min: 6 },
  { id: "lua-dao", label: "Lừa đảo, mua bán trên mạng", min: 6 },
] as const;

export type TopicId = (typeof TOPICS)[number]["id"];

export const TOPIC_IDS = TOPICS.map((t) => t.id) as [TopicId, ...TopicId[]];

export const AUDIENCES = [
  "tre-em",
  "ho-ngheo",
  "ho-can-ngheo",
  "dan-toc-thieu-so",
  "nguoi-khuyet-tat",
  "nguoi-cao-tuoi",
  "phu-nu",
  "nguoi-lao-dong",
  "nguoi-co-cong",
  "nan-nhan-bao-luc",
] as const;

/** The label of a topic id, or the id itself when unknown. */
export function topicLabel(id: string): string {
  return TOPICS.find((t) => t.id === id)?.label ?? id;
}
