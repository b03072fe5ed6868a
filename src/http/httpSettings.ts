// The limits and origins the API runs with: their own module, read by the app and by the routes it mounts.
export interface HttpSettings {
  bodyLimitSingle: number;
  bodyLimitBatch: number;
  /** The body bytes read at once across all connections; past it, 503 with Retry-After. */
  bodyBytesInFlight: number;
  maxUrlLength: number;
  corsOrigins: readonly string[];
}

export const defaultHttpSettings: HttpSettings = {
  bodyLimitSingle: 64 * 1024,
  bodyLimitBatch: 8 * 1024 * 1024,
  bodyBytesInFlight: 16 * 1024 * 1024,
  maxUrlLength: 2048,
  corsOrigins: [],
};
