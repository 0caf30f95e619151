// `npm run user:add -- --username U --role staff|supervisor|admin`: creates a staff console account.
// The password comes from stdin when piped (first line), else it is asked twice without echo.
import { parseArgs } from "node:util";
import { loadConfig } from "../config/index.js";
import {
  StaffAccountExistsError,
  StaffAccounts,
  staffPasswordSchema,
  staffRoleSchema,
  staffUsernameSchema,
} from "../escalation/index.js";
import { openRedis } from "../redis/index.js";

const USAGE = "Cách dùng: npm run user:add -- --username TEN --role staff|supervisor|admin";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The first line of stdin (a pipe or a file), without its line ending. */
async function readPipedLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").normalize("NFC");
}

/** Asks for a line on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  // Raw mode first, so nothing typed after the prompt shows is echoed.
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  stdout.write(question);
  return new Promise((resolve, reject) => {
    let value: string[] = [];
    const stop = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          stop();
          resolve(value.join("").normalize("NFC"));
          return;
        }
        if (ch === "\u0003") {
          stop();
          reject(new Error("cancelled"));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value.push(ch);
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedLine();
  const first = await askHidden("Mật khẩu (ít nhất 10 ký tự): ");
  const second = await askHidden("Nhập lại mật khẩu: ");
  if (first !== second) fail("Hai lần nhập mật khẩu không khớp. Chưa tạo tài khoản.");
  return first;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: { username: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } },
      strict: true,
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
})();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const username = staffUsernameSchema.safeParse(values.username ?? "");
if (!username.success) fail(`${username.error.issues[0]?.message ?? "Tên đăng nhập chưa đúng."}\n${USAGE}`);
const role = staffRoleSchema.safeParse(values.role ?? "");
if (!role.success) fail(`Vai trò phải là staff, supervisor hoặc admin.\n${USAGE}`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (err) {
  fail((err as Error).message);
}

let password: string;
try {
  password = await readPassword();
} catch {
  fail("Đã hủy. Chưa tạo tài khoản.");
}
const checked = staffPasswordSchema.safeParse(password);
if (!checked.success)
  fail(`${checked.error.issues[0]?.message ?? "Mật khẩu chưa đủ mạnh."} Chưa tạo tài khoản.`);

const redis = openRedis(config.redis, { maxRetriesPerRequest: 1, lazyConnect: true });
redis.on("error", () => {}); // reported below, once
try {
  await redis.connect();
  const accounts = new StaffAccounts(redis, { prefix: config.redis.prefix });
  const account = await accounts.create({ username: username.data, role: role.data, password: checked.data });
  process.stdout.write(`Đã tạo tài khoản ${account.username} (vai trò ${account.role}).\n`);
  await redis.quit();
} catch (err) {
  redis.disconnect();
  if (err instanceof StaffAccountExistsError)
    fail(`Tài khoản ${err.username} đã có. Chưa tạo tài khoản mới.`);
  fail(`Không tạo được tài khoản: ${(err as Error).message}`);
}
