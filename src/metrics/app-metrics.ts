import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { FaqSearch } from "../core/index.js";

/** Application metrics for Prometheus; labels carry only route patterns, names and states. */
export interface AppMetrics {
  /** Mount early: observes each request's duration by method, route pattern and status. */
  readonly httpMiddleware: RequestHandler;
  /** The same search, with each call's latency observed (`outcome`: ok | error). */
  wrapSearch(search: FaqSearch): FaqSearch;
  /** Queues whose job counts are read at each scrape (waiting, active, delayed, failed). */
  watchQueues(queues: readonly QueueLike[]): void;
  /** Outbound message failures by platform (telegram, zalo, web). */
  readonly outboundFailures: Counter<"platform">;
  /** Cases whose first response passed its deadline, by channel. */
  readonly slaBreaches: Counter<"channel">;
}

const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;

/** A BullMQ queue, or anything else holding work that reports its counts the same way (the Zalo inbox). */
export interface QueueLike {
  readonly name: string;
  getJobCounts(...states: (typeof QUEUE_STATES)[number][]): Promise<{ [state: string]: number }>;
}

/** Registers the app's metrics (and Node's defaults are left to the caller) on `registry`. */
export function createAppMetrics(registry: Registry): AppMetrics {
  const http = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const search = new Histogram({
    name: "faq_search_duration_seconds",
    help: "FAQ search latency",
    labelNames: ["outcome"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [registry],
  });
  const outboundFailures = new Counter({
    name: "outbound_failures_total",
    help: "Outbound messages that failed to send",
    labelNames: ["platform"] as const,
    registers: [registry],
  });
  const slaBreaches = new Counter({
    name: "case_sla_breaches_total",
    help: "Cases whose first response passed its deadline",
    labelNames: ["channel"] as const,
    registers: [registry],
  });
  let queues: readonly QueueLike[] = [];
  new Gauge({
    name: "queue_jobs",
    help: "Jobs in each BullMQ queue by state, read at scrape time",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (q) => {
          const counts = await q.getJobCounts(...QUEUE_STATES).catch(() => undefined);
          if (!counts) return;
          for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });

  const httpMiddleware: RequestHandler = (req, res, next) => {
    const end = http.startTimer();
    res.on("finish", () => {
      // The matched route's pattern (`/api/v1/faqs/:id`), never the raw path: ids stay out of labels.
      const pattern = req.route?.path;
      const route = typeof pattern === "string" ? `${req.baseUrl}${pattern}` : "unmatched";
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  return {
    httpMiddleware,
    outboundFailures,
    slaBreaches,
    watchQueues(list) {
      queues = list;
    },
    wrapSearch(inner) {
      return {
        async search(query, options) {
          const end = search.startTimer();
          try {
            const hits = await inner.search(query, options);
            end({ outcome: "ok" });
            return hits;
          } catch (err) {
            end({ outcome: "error" });
            throw err;
          }
        },
        get: (id) => inner.get(id),
        ...(inner.byTopic && { byTopic: inner.byTopic.bind(inner) }),
      };
    },
  };
}
