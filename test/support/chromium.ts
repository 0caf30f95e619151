import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type LaunchOptions, type Page } from "playwright-core";

/** Debian's Chromium, installed by `.ci/run` (`npx playwright install` cannot work here). */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A browser with a fresh profile; `close` also deletes the profile. */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

type ContextOptions = Omit<
  NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>,
  keyof LaunchOptions | "headless"
>;

export async function launchChromium(options: ContextOptions = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "tlpl-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    locale: "vi-VN",
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Screenshots of each step when SCREENSHOTS=dir is set (`<dir>/<prefix>NN-<name>.png`, numbered in
 * order); nothing otherwise.
 */
export function stepScreenshots(prefix = ""): (page: Page, name: string) => Promise<void> {
  const dir = process.env.SCREENSHOTS;
  let shot = 0;
  return async (page, name) => {
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: `${dir}/${prefix}${String(++shot).padStart(2, "0")}-${name}.png` });
  };
}
