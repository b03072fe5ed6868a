import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet's defaults (a strict CSP among them), with data: images for Swagger UI and the GOV.UK assets. */
export function setUpSecurityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null },
    },
    strictTransportSecurity: false, // TLS ends at the platform's ingress, which sets HSTS.
  });
}
