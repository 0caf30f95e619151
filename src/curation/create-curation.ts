import path from "node:path";
import type { Redis } from "ioredis";
import { CurationHistory } from "./curation-history.js";
import { CurationWorkflow } from "./curation-workflow.js";
import { dirFaqFiles } from "./dir-faq-files.js";
import { FaqCurrency } from "./faq-currency.js";
import type { FaqFiles } from "./faq-files.js";
import { FaqRepository } from "./faq-repository.js";
import { FaqSatisfaction } from "./faq-satisfaction.js";
import { UnansweredInbox } from "./unanswered-inbox.js";

/** What the admin console needs wired once in main.ts. */
export interface CurationDeps {
  /** The content folder (config.content.dir), holding faq/<topic>/<id>.md; used when `files` is not given. */
  readonly contentDir: string;
  /** Where pending revisions of live FAQs wait; default `<contentDir>/.drafts` (outside content/faq, so neither checked nor indexed). */
  readonly revisionsDir?: string;
  /** The content store (the app passes the Redis one): live FAQs and pending revisions. Default: the folders above. */
  readonly files?: { readonly live: FaqFiles; readonly revisions: FaqFiles };
  readonly redis: Redis;
  /** config.redis.prefix: history, inbox state and the usage stream live under it. */
  readonly prefix: string;
  /** Build a new index from contentDir and swap it in; awaited on publish and retire. */
  readonly reindex: () => Promise<unknown>;
  readonly inbox?: { readonly threshold?: number; readonly days?: number };
  readonly now?: () => Date;
}

/** The curation domain: repositories, history, workflow, unanswered inbox, currency and 👍/👎, sharing one clock. */
export function createCuration(deps: CurationDeps) {
  const now = deps.now ?? (() => new Date());
  const files = deps.files ?? {
    live: dirFaqFiles(deps.contentDir),
    revisions: dirFaqFiles(deps.revisionsDir ?? path.join(deps.contentDir, ".drafts")),
  };
  const live = new FaqRepository({ files: files.live, now });
  const revisions = new FaqRepository({ files: files.revisions, corpus: () => files.live.list(), now });
  const history = new CurationHistory({ redis: deps.redis, prefix: deps.prefix, now });
  const workflow = new CurationWorkflow({ live, revisions, history, reindex: deps.reindex, now });
  const inbox = new UnansweredInbox({ redis: deps.redis, prefix: deps.prefix, workflow, now, ...deps.inbox });
  const currency = new FaqCurrency({ live, revisions, history, now });
  const satisfaction = new FaqSatisfaction({ redis: deps.redis, prefix: deps.prefix, now });
  return { live, revisions, history, workflow, inbox, currency, satisfaction };
}

/** The curation services built by createCuration. */
export type Curation = ReturnType<typeof createCuration>;
