/** Debian's Chromium, the only browser the tests and scripts use. */
export declare const CHROMIUM_PATH: string;
/** Flags that keep Chromium quiet and sandbox-free on a machine without network. */
export declare const CHROMIUM_ARGS: string[];
/** Playwright `launch()` options for Debian's Chromium; throws with the fix when it is missing. */
export declare function chromiumLaunchOptions(): { executablePath: string; args: string[]; headless: boolean; env: Record<string, string | undefined> };
