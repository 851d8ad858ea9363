export declare const SYSTEM_CHROMIUM_ARGS: string[];
export declare function findBrowser(): { kind: 'playwright' } | { kind: 'system'; executablePath: string } | undefined;
export declare function browserLaunchOptions(): { executablePath?: string; args?: string[] };
