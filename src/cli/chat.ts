// `npm run chat`: the answer engine in the terminal, on a temporary index of content/.
import { createInterface } from "node:readline/promises";
import { loadConfig } from "../config/index.js";
import type { Reply } from "../core/index.js";
import { localEngine } from "../eval/index.js";

const config = loadConfig({ ...process.env, LOG_LEVEL: "warn" });
process.stdout.write("Đang chuẩn bị dữ liệu…\n");
const local = await localEngine(config);
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
const sessionId = `console-${process.pid}`;

function show(reply: Reply): void {
  const tag = reply.kind === "emergency" ? "‼" : reply.kind === "answer" ? "✓" : "·";
  process.stdout.write(`\n${tag} [${reply.kind}${reply.faqId ? ` ${reply.faqId}` : ""}]\n${reply.text}\n`);
  // Choices and an answer's alternatives are already numbered in the text.
  const choices = reply.buttons.filter((b) => b.action.type === "choose" && !reply.text.includes(b.label));
  if (reply.kind !== "choices" && choices.length) {
    process.stdout.write(`\nXem thêm: ${choices.map((b) => b.label).join(" | ")}\n`);
  }
  process.stdout.write("\n");
}

process.stdout.write(
  `Trợ lý pháp luật (${local.documents} câu hỏi). Gõ câu hỏi; gõ "thoát" hoặc Ctrl-D để dừng.\n\n`,
);
try {
  for await (const line of rl) {
    const text = line.trim();
    if (!text) continue;
    if (/^(thoát|thoat|exit|quit)$/i.test(text)) break;
    show(await local.engine.handle({ channel: "console", sessionId, text }));
  }
} finally {
  rl.close();
  await local.close();
}
