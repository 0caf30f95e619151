import type { Redis } from "ioredis";

/** A Lua script and how many of its arguments are keys (`"variadic"`: the caller says, per call). */
export interface LuaScript<Result = unknown> {
  readonly lua: string;
  readonly keys: number | "variadic";
  /** Carries the result type only; never set. */
  readonly result?: Result;
}

/** Declares a script whose reply is `Result` (the caller's reading of what the Lua returns). */
export function luaScript<Result = unknown>(keys: number | "variadic", lua: string): LuaScript<Result> {
  return { keys, lua };
}

/** Runs one defined script: its keys (exactly as many as it declares), then its other arguments. */
export type ScriptCall<Result> = (keys: readonly string[], ...args: (string | number)[]) => Promise<Result>;

/** The typed calls of a set of scripts. */
export type ScriptCalls<S extends Record<string, LuaScript>> = {
  readonly [K in keyof S]: ScriptCall<S[K] extends LuaScript<infer R> ? R : unknown>;
};

type ScriptedRedis = Redis & { scriptsSet: Record<string, { lua: string } | undefined> };
type Commands = Record<string, (...args: (string | number)[]) => Promise<unknown>>;

/**
 * Defines a module's scripts on `redis` once (ioredis `defineCommand`: EVALSHA, and EVAL when the
 * server does not know the script yet), under `<module>:<name>`, and returns them as calls.
 * Defining again on the same client is a no-op; a different script under a taken name is a bug and throws.
 */
export function defineScripts<S extends Record<string, LuaScript>>(
  redis: Redis,
  module: string,
  scripts: S,
): ScriptCalls<S> {
  const client = redis as ScriptedRedis;
  const calls: Record<string, ScriptCall<unknown>> = {};
  for (const [name, script] of Object.entries(scripts)) {
    const command = `${module}:${name}`;
    const known = client.scriptsSet[command];
    if (!known) {
      const numberOfKeys = script.keys === "variadic" ? undefined : script.keys;
      client.defineCommand(command, {
        lua: script.lua,
        ...(numberOfKeys === undefined ? {} : { numberOfKeys }),
      });
    } else if (known.lua !== script.lua) {
      throw new Error(`Redis script ${command} is already defined with other code`);
    }
    calls[name] = (keys, ...args) => {
      const commands = client as unknown as Commands;
      if (script.keys === "variadic")
        return commands[command]?.(keys.length, ...keys, ...args) as Promise<unknown>;
      if (keys.length !== script.keys) {
        throw new RangeError(`Redis script ${command} takes ${script.keys} keys, got ${keys.length}`);
      }
      return commands[command]?.(...keys, ...args) as Promise<unknown>;
    };
  }
  return calls as ScriptCalls<S>;
}
