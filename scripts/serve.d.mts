export declare const NGINX_CONF: string;
export declare function renderSiteConfig(options: {
  port: number;
  root: string;
  upstream: string;
  resolver?: string;
  tls?: { certificate: string; key: string; redirectPort: number };
}): string;
export declare function renderMainConfig(dir: string, siteFile: string): string;
export declare function selfSignedCertificate(dir: string, openssl?: string): { certificate: string; key: string };
export interface RunningNginx {
  /** https:// with `tls`, else http:// */
  url: string;
  /** The plain-HTTP server that redirects to `url`, with `tls`. */
  redirectUrl?: string;
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
  tls?: { redirectPort: number; certificate?: string; key?: string; openssl?: string };
}): Promise<RunningNginx>;
