// Zod probes `new Function` to compile fast parsers. The app's CSP (script-src 'self') blocks it,
// and browsers report even that caught attempt as a violation. Zod reads this shared config when
// it loads and then never probes; so this module must be evaluated before zod, which is why
// auth-api.ts imports it first. Parsing small request bodies needs no compiled parsers.
const host = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
host.__zod_globalConfig = { ...host.__zod_globalConfig, jitless: true };

export {};
