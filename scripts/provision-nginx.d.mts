export declare function findNginx(): string | undefined;
export declare function findOpenssl(): string | undefined;
export declare function provisionNginx(): string | undefined;
export declare const NO_NGINX_MESSAGE: string;
