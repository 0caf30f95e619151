export { type Env, EXAMPLE_MARK, envSchema } from "./config-schema.js";
export {
  type Config,
  type EscalationConfig,
  exampleOrgFields,
  loadConfig,
  type OrgConfig,
} from "./load-config.js";
