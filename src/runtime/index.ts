export { freePort, type ManagedProcess, sleep } from "./child-process.js";
export { Lifecycle } from "./lifecycle.js";
export { findMeiliBinary, type MeiliEndpoint, runningDevMeili, startMeiliServer } from "./meili-server.js";
export {
  type MeiliProcessStatus,
  type RestartBackoff,
  type SupervisedMeili,
  superviseMeili,
} from "./meili-supervisor.js";
export { ensureRedis, redisAnswers } from "./redis-server.js";
