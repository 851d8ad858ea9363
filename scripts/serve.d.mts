export declare const NGINX_CONF: string;
export declare function renderSiteConfig(options: {
  port: number;
  root: string;
  upstream: string;
  resolver?: string;
}): string;
export declare function renderMainConfig(dir: string, siteFile: string): string;
export interface RunningNginx {
  url: string;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}
export declare function startNginx(options: {
  nginx: string;
  port: number;
  root: string;
  upstream: string;
  resolver?: string;
}): Promise<RunningNginx>;
