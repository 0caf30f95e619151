// `npm run zalo:tokens -- --access A --refresh R [--expires-in SECONDS]`: puts a new Zalo OA token
// pair in Redis in place of the stored one. Needed when the stored pair is dead (the refresh token
// was refused, or unused for 3 months): ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN only seed an empty store.
// Without --expires-in the app refreshes the new pair at its next check (within 10 minutes).
import { parseArgs } from "node:util";
import { redisZaloTokenStore } from "../channels/zalo/index.js";
import { loadConfig } from "../config/index.js";
import { openRedis } from "../redis/index.js";

const USAGE =
  "Cách dùng: npm run zalo:tokens -- --access MA_TRUY_CAP --refresh MA_LAM_MOI [--expires-in GIAY]";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let args: { access?: string; refresh?: string; "expires-in"?: string };
try {
  args = parseArgs({
    options: {
      access: { type: "string" },
      refresh: { type: "string" },
      "expires-in": { type: "string" },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const access = args.access?.trim();
const refresh = args.refresh?.trim();
if (!access || !refresh) fail(USAGE);
const expiresIn = args["expires-in"] === undefined ? undefined : Number(args["expires-in"]);
if (expiresIn !== undefined && !(Number.isInteger(expiresIn) && expiresIn > 0))
  fail(`--expires-in phải là số giây nguyên dương.\n${USAGE}`);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail((error as Error).message);
}
const zalo = config.channels.zalo;
if (!zalo) fail("Chưa cấu hình Zalo: cần ZALO_APP_ID và ZALO_OA_SECRET_KEY.");

const redis = openRedis(config.redis, { maxRetriesPerRequest: 1, lazyConnect: true });
redis.on("error", () => {}); // reported below, once
try {
  await redis.connect();
  const store = redisZaloTokenStore({
    redis,
    prefix: config.redis.prefix,
    oauthBase: zalo.oauthBase,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
  });
  await store.replace(access, refresh, expiresIn);
  process.stdout.write(
    expiresIn
      ? "Đã thay cặp mã Zalo.\n"
      : "Đã thay cặp mã Zalo. Ứng dụng sẽ làm mới mã truy cập trong vòng 10 phút.\n",
  );
  await redis.quit();
} catch (error) {
  redis.disconnect();
  fail(`Không ghi được vào Redis (${config.redis.url}): ${(error as Error).message}`);
}
