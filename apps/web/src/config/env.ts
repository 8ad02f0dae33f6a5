/** Build-time settings of the SPA; everything else comes from the BFF at run time. */
export const env = {
  /** Where the BFF's JSON API lives. Same origin by default (Vite proxies `/api` in dev). */
  apiBaseUrl: import.meta.env.VITE_API_URL ?? '/api',
} as const;
