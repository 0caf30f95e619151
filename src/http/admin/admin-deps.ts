import type { FaqSearch, OrgInfo } from "../../core/index.js";
import type { Curation } from "../../curation/index.js";
import type { CaseService, StaffAccounts } from "../../escalation/index.js";
import type { Logger } from "../../logging/index.js";

/** What the admin console and its API need (built once in app.ts). */
export interface AdminDeps {
  /** createCuration({ contentDir: config.content.dir, redis, prefix, reindex }). */
  readonly curation: Curation;
  readonly accounts: StaffAccounts;
  /** Read with the admin as viewer, for drafts from closed cases. */
  readonly cases: CaseService;
  /** config.org: placeholders of the chat preview, and the header's name. */
  readonly org: OrgInfo;
  readonly logger: Logger;
  /** The chat's own search: the FAQ list ranks a search text as the chat would. */
  readonly search?: FaqSearch;
  readonly now?: () => Date;
}
